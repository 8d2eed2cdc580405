import { resolveLocale } from './locale.js';
import type { Messages } from './messages.js';

/**
 * The one translation table of the page, shared through `globalThis` so that every copy of Hearken
 * on a page (the script tag and an npm build) sees the same languages and overrides: the complete
 * built-in tables (`en`, `de`; the script tag loads only the page's language, as a file of its own)
 * and the strings the page registered.
 */
interface Translations {
  builtIn: Record<string, Messages>;
  page: Record<string, Partial<Messages>>;
}
const KEY = Symbol.for('hearken.translations');
const translations = ((globalThis as Record<symbol, Translations>)[KEY] ??= { builtIn: {}, page: {} });

/** The language part of a locale, lower-case: `de-AT` → `de`. */
export const languageOf = (locale: string) => locale.toLowerCase().split('-')[0]!;

/** Adds a complete built-in table. */
export const addLanguage = (code: string, table: Messages) => void (translations.builtIn[languageOf(code)] = table);

/**
 * Adds a language or overrides strings of one; strings missing in a language fall back to English.
 * @example registerMessages('de', { launcher: 'Feedback geben' });
 * @example registerMessages('fr', { launcher: 'Feedback', send: 'Envoyer' });
 */
export function registerMessages(locale: string, messages: Partial<Messages>): void {
  const key = locale.toLowerCase();
  translations.page[key] = { ...translations.page[key], ...messages };
}

/**
 * The strings for `locale`, most specific last: `base` (what is known before the tables load),
 * English, the language's built-in table, the page's strings for the language (`de`) and for the
 * region (`de-at`), then `overrides` (an element's own).
 */
export function lookup<T extends Partial<Messages> = Messages>(locale: string, overrides?: Partial<Messages>, base?: Partial<Messages>): T {
  const { builtIn, page } = translations;
  const language = languageOf(locale);
  // English under everything; where only another table has loaded (the script tag loads one), that one.
  const fallback = builtIn.en ?? Object.values(builtIn)[0];
  return { ...base, ...fallback, ...builtIn[language], ...page[language], ...page[locale.toLowerCase()], ...overrides } as T;
}

/** The strings for an element: its `locale` attribute, else the nearest `lang`, else `en`. */
export const messagesOf = (element: Element, localeAttribute?: string | null, overrides?: Partial<Messages>) =>
  lookup(resolveLocale(element, localeAttribute), overrides);

/** Where built-in tables come as files of their own (the script tag): loads the one for a locale. */
let loadBuiltIn: ((locale: string) => Promise<unknown>) | undefined;
const requested = new Set<string>();

/** The script tag sets this: then an element in a language not loaded yet asks for its table. */
export const setBuiltInLoader = (load: (locale: string) => Promise<unknown>) => void (loadBuiltIn = load);

/**
 * Makes sure the built-in table for `locale` is there or coming; calls `loaded` once it has come
 * (not when it was there already). Each language is asked for once, again only after a failure.
 */
export function requestLanguage(locale: string, loaded: () => void): void {
  const language = languageOf(locale);
  if (!loadBuiltIn || translations.builtIn[language] || requested.has(language)) return;
  requested.add(language);
  loadBuiltIn(locale).then(loaded, () => requested.delete(language));
}
