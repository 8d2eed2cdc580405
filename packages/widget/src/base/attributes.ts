/**
 * The attributes every Hearken element understands, each with a same-named property: where
 * feedback goes and how the element looks and speaks. `<hearken-feedback>` forwards them to its form.
 */
export const SHARED_ATTRIBUTES = ['endpoint', 'audience', 'locale', 'site', 'theme', 'credentials'] as const;
export type SharedAttribute = (typeof SHARED_ATTRIBUTES)[number];
