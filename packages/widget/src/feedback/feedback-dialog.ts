import { HearkenCloseEvent } from '../events/close-event.js';
import { messagesOf } from '../i18n/translations.js';
import { adoptStyles } from '../styles/adopt-styles.js';
import { deepActiveElement, tabbables } from './tabbables.js';
import { dialogStyles } from './feedback-dialog.styles.js';

/** What the launcher keeps of its dialog. */
export interface FeedbackDialog {
  dialog: HTMLDialogElement;
  /** Where the form goes. */
  body: HTMLElement;
  /** Sets the title and the close button's name in the launcher's language. */
  localize(): void;
}

/**
 * Builds the launcher's modal dialog in its shadow root, after the launcher itself (loaded on first
 * intent, so a page that nobody gives feedback on never pays for it). It follows the WAI-ARIA modal
 * dialog pattern: native `showModal()`, Esc closes, Tab and Shift+Tab wrap, focus returns to the launcher.
 */
export function createFeedbackDialog(host: HTMLElement & { messages?: object }, root: ShadowRoot, launcher: HTMLButtonElement): FeedbackDialog {
  adoptStyles(root, dialogStyles);

  const dialog = document.createElement('dialog');
  const title = Object.assign(document.createElement('h2'), { id: 'title' });
  const close = Object.assign(document.createElement('button'), { className: 'close', type: 'button', textContent: '×' });
  const header = document.createElement('header');
  const body = Object.assign(document.createElement('div'), { className: 'body' });
  header.append(title, close);
  dialog.append(header, body);
  dialog.setAttribute('part', 'dialog');
  dialog.setAttribute('aria-labelledby', 'title');
  root.append(dialog);

  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
    host.dispatchEvent(new HearkenCloseEvent());
  });
  // A click on the backdrop lands on the <dialog> itself.
  dialog.addEventListener('click', (event) => event.target === dialog && dialog.close());
  // Tab and Shift+Tab wrap around inside the dialog (focus would otherwise go to the browser's UI).
  dialog.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab') return;
    const order = tabbables(dialog);
    const active = deepActiveElement();
    const edge = event.shiftKey ? order[0] : order[order.length - 1];
    if (active === edge || !order.includes(active as HTMLElement)) {
      event.preventDefault();
      (event.shiftKey ? order[order.length - 1] : order[0])?.focus();
    }
  });

  const localize = () => {
    const t = messagesOf(host, host.getAttribute('locale'), host.messages);
    title.textContent = t.dialogTitle;
    close.setAttribute('aria-label', t.close);
  };
  localize();
  return { dialog, body, localize };
}
