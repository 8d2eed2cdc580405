import type { Messages } from './messages.js';

/**
 * Strings registered by the page, by language, shared through `globalThis` so that every copy of
 * Hearken on a page (the script tag and an npm build) sees the same languages and overrides.
 */
type Tables = Record<string, Partial<Messages>>;
const KEY = Symbol.for('hearken.messages');
const tables = ((globalThis as Record<symbol, Tables>)[KEY] ??= {});

/**
 * Adds a language or overrides strings of one; strings missing in a language fall back to English.
 * @example registerMessages('de', { launcher: 'Feedback geben' });
 * @example registerMessages('fr', { launcher: 'Feedback', send: 'Envoyer' });
 */
export function registerMessages(locale: string, messages: Partial<Messages>): void {
  const key = locale.toLowerCase();
  tables[key] = { ...tables[key], ...messages };
}

/** The page's strings for `locale`: its language (`de`), then the regional variant (`de-at`) over it. */
export function registeredMessages(locale: string): Partial<Messages> {
  const lower = locale.toLowerCase();
  return { ...tables[lower.split('-')[0]!], ...tables[lower] };
}
