import { languageOf } from '../i18n/translations.js';

/** Where the script tag's files sit inside the published package. */
export const BROWSER_DIR = 'dist/browser/';

/**
 * The folder of the script tag's files, from the URL the page gave `hearken.js` under. A URL to the
 * file itself gives its folder. A bare package URL (`…/npm/@hearken/widget@0.1.0`, which package
 * CDNs serve directly or redirect to the file) gives the files inside that package, pinned to this
 * script's own version, so every file loads from one release and each is fetched once.
 * @example widgetBaseUrl('https://cdn.example/npm/@hearken/widget@0', '0.1.0') // → 'https://cdn.example/npm/@hearken/widget@0.1.0/dist/browser/'
 */
export function widgetBaseUrl(scriptUrl: string, version: string): string {
  const url = new URL(scriptUrl);
  url.search = url.hash = '';
  if (/\.m?js$/.test(url.pathname)) return new URL('./', url).href;
  url.pathname = `${url.pathname.replace(/\/+$/, '').replace(/(\/[^/@]+)(@[^/]*)?$/, `$1@${version}`)}/${BROWSER_DIR}`;
  return url.href;
}

/**
 * The built-in language file a locale needs, `hearken-language-<code>.js`: German for `de…`, else English.
 * @example builtInLanguage('de-AT') // → 'de'
 */
export const builtInLanguage = (locale: string): 'de' | 'en' => (languageOf(locale) === 'de' ? 'de' : 'en');
