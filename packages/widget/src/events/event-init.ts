/** Every Hearken event bubbles out of shadow roots (`composed`). */
export const eventInit = (cancelable = false): EventInit => ({ bubbles: true, composed: true, cancelable });
