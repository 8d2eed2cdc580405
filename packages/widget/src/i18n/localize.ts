import { languages } from './languages.js';
import { resolveLocale } from './locale.js';
import type { Messages } from './messages.js';
import { registeredMessages } from './registry.js';

/** The table for an element: English, under its language, under the page's strings, under the element's own. */
export function messagesOf(element: Element, localeAttribute?: string | null, overrides?: Partial<Messages>): Messages {
  const locale = resolveLocale(element, localeAttribute);
  return { ...languages.en, ...languages[locale.toLowerCase().split('-')[0]!], ...registeredMessages(locale), ...overrides } as Messages;
}
