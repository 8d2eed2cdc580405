// The types of `@hearken/widget/hearken.js`, the script tag's file: it runs as a classic script and
// exposes `window.Hearken`. `import type {} from '@hearken/widget/hearken.js'` types `window.Hearken`
// in a page's own TypeScript.
import type { HearkenApi } from './script-tag/loader.js';

export type { HearkenApi };

declare global {
  interface Window {
    /** The script tag's API, once `hearken.js` has run. */
    Hearken?: HearkenApi;
  }
}
