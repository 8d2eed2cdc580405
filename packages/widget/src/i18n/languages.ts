import type { Messages } from './messages.js';

/**
 * The complete built-in tables by language (`en`, `de`), shared through `globalThis`. The npm build
 * adds both at once; the script tag loads only the page's language, as a file of its own.
 */
type Languages = Record<string, Messages>;
const KEY = Symbol.for('hearken.languages');
export const languages = ((globalThis as Record<symbol, Languages>)[KEY] ??= {});

/** Adds a complete built-in table. */
export const addLanguage = (code: string, table: Messages) => void (languages[code] = table);
