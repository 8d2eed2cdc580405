import type { PageContext } from './schema/feedback.js';

/** Which parts of the page context are sent; every part is on unless set to `false`. */
export type ContextOptions = { [K in keyof PageContext]?: boolean };

/** Reads the page context where there is a page (browsers); elsewhere returns `undefined`. */
export function capturePageContext(options: ContextOptions | false = {}): PageContext | undefined {
  if (options === false || typeof document === 'undefined' || typeof location === 'undefined') return undefined;
  const on = (key: keyof PageContext) => options[key] !== false;
  const context: PageContext = {};
  // The fragment is dropped: it is client-side state, often holding tokens (e.g. OAuth implicit flows).
  if (on('url')) context.url = location.href.split('#')[0]!.slice(0, 2048);
  if (on('title') && document.title) context.title = document.title.slice(0, 500);
  if (on('referrer') && document.referrer) context.referrer = document.referrer.slice(0, 2048);
  if (on('locale') && typeof navigator !== 'undefined') context.locale = navigator.language.slice(0, 35);
  if (on('userAgent') && typeof navigator !== 'undefined') context.userAgent = navigator.userAgent.slice(0, 500);
  if (on('viewport') && typeof innerWidth === 'number') context.viewport = { width: innerWidth, height: innerHeight };
  if (on('timeZone')) {
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (timeZone) context.timeZone = timeZone;
  }
  return Object.keys(context).length ? context : undefined;
}
