/**
 * Puts `css` into a shadow root as a constructed stylesheet: allowed under a strict CSP
 * (no `style-src 'unsafe-inline'` needed). Where constructed sheets are missing, a `<style>`
 * with the page's nonce (`window.litNonce`, shared with Lit) is the fallback.
 */
export function adoptStyles(root: ShadowRoot, css: string): void {
  if ('adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } else {
    const style = document.createElement('style');
    const nonce = (window as { litNonce?: string }).litNonce;
    if (nonce) style.setAttribute('nonce', nonce);
    style.textContent = css;
    root.append(style);
  }
}
