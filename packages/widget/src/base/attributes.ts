/**
 * The attributes every Hearken element understands, each with a same-named property: where
 * feedback goes and how the element looks and speaks. `<hearken-feedback>` forwards them to its form.
 */
export const SHARED_ATTRIBUTES = ['endpoint', 'audience', 'locale', 'site', 'theme', 'credentials'] as const;
export type SharedAttribute = (typeof SHARED_ATTRIBUTES)[number];

/** Colour theme of every element: `auto` follows the system's light or dark setting. */
export type Theme = 'light' | 'dark' | 'auto';

/** Corner of the page where `<hearken-feedback>`'s launcher sits. */
export type LauncherPosition = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';
