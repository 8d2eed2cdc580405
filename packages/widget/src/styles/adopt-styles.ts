/**
 * Adds `css` to a shadow root as a constructed stylesheet: allowed under a strict CSP
 * (no `style-src 'unsafe-inline'` needed). Where constructed sheets are missing or broken
 * (`adoptedStyleSheets` absent or not an array), a `<style>` with the page's nonce
 * (`window.litNonce`, shared with Lit) is the fallback. Every shadow root of Hearken's uses this.
 */
export function adoptStyles(root: ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    const style = document.createElement('style');
    const nonce = (window as { litNonce?: string }).litNonce;
    if (nonce) style.setAttribute('nonce', nonce);
    style.textContent = css;
    root.append(style);
  }
}
