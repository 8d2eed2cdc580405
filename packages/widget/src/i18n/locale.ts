/**
 * The locale of an element: its `locale` attribute, else the nearest `lang` (the page's `<html lang>`),
 * else `en`.
 */
export function resolveLocale(element: Element, attribute?: string | null): string {
  return attribute || element.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en';
}

/** Whether the element sits in right-to-left text (inherited `direction`, so `dir` anywhere above counts). */
export const isRtl = (element: Element) => getComputedStyle(element).direction === 'rtl';
