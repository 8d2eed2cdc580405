const FOCUSABLE = 'button,input,select,textarea,a[href],[tabindex]';

/** Elements reachable with Tab inside `root`, in order, looking into open shadow roots. */
export function tabbables(root: ParentNode, found: HTMLElement[] = []): HTMLElement[] {
  for (const element of root.querySelectorAll<HTMLElement>('*')) {
    if (element.shadowRoot) tabbables(element.shadowRoot, found);
    else if (element.matches(FOCUSABLE) && element.tabIndex >= 0 && !(element as HTMLButtonElement).disabled && element.checkVisibility?.() !== false) found.push(element);
  }
  return found;
}

/** The focused element, looking into shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
