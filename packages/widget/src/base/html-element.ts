/**
 * `HTMLElement` where there is one, else an empty class: element classes are declared when their
 * module loads, and server rendering (Next, Nuxt, Astro, SvelteKit) imports the widget in Node,
 * which has no DOM. There nothing is defined or constructed; the browser upgrades the tags.
 */
export const HTMLElementOrStub: typeof HTMLElement = globalThis.HTMLElement ?? (class {} as unknown as typeof HTMLElement);
