/** The version of the elements, compared when another copy of Hearken already defined a tag. */
export const VERSION = '0.1.0';

/**
 * Defines a custom element unless the tag is taken: an embed shares the page with other scripts,
 * maybe another copy of itself (script tag and npm build). A different version says so once.
 */
export function defineOnce(tag: string, element: CustomElementConstructor & { hearkenVersion?: string }): void {
  const existing = customElements.get(tag) as (CustomElementConstructor & { hearkenVersion?: string }) | undefined;
  if (!existing) {
    element.hearkenVersion = VERSION;
    customElements.define(tag, element);
  } else if (existing.hearkenVersion !== VERSION) {
    console.warn(`Hearken ${VERSION}: <${tag}> kept from ${existing.hearkenVersion ?? 'another script'}`);
  }
}
