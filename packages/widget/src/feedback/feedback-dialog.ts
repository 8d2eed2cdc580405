import { readMyFeedback, unreadReplies, type HearkenClient, type User } from '@hearken/client';
import type { Messages } from '../i18n/messages.js';
import { HearkenCloseEvent } from '../events/close-event.js';
import { HearkenOpenEvent } from '../events/open-event.js';
import { defineElements } from '../registration.js';
import { messagesOf } from '../i18n/translations.js';
import { adoptStyles } from '../styles/adopt-styles.js';
import { deepActiveElement, tabbables } from './tabbables.js';
import { dialogStyles } from './feedback-dialog.styles.js';

/** The `<hearken-form>` in the dialog, and what the launcher hands to it. */
export interface DialogForm extends HTMLElement {
  user?: User;
  client?: HearkenClient;
  messages?: Partial<Messages>;
  updateComplete?: Promise<unknown>;
}

/** What the launcher keeps of its dialog. */
export interface FeedbackDialog {
  dialog: HTMLDialogElement;
  /** The form, with the launcher's attributes. */
  form: DialogForm;
  /** Sets the title and the buttons' names in the launcher's language. */
  localize(): void;
  /** Shows the dialog as a modal and announces it (`hearken-open`). */
  show(): void;
  /** Shows "Your messages" (the person's earlier feedback and the team's answers) instead of the form, or the form again. */
  showMessages(show: boolean): Promise<void>;
}

/** Attributes the "Your messages" view takes from the launcher. */
const MESSAGES_ATTRIBUTES = ['endpoint', 'locale', 'theme', 'credentials'];

/**
 * Builds the launcher's modal dialog in its shadow root, after the launcher itself (loaded on first
 * intent, so a page that nobody gives feedback on never pays for it). It follows the WAI-ARIA modal
 * dialog pattern: native `showModal()`, Esc closes, Tab and Shift+Tab wrap, focus returns to the launcher.
 */
export function createFeedbackDialog(
  host: HTMLElement & Pick<DialogForm, 'user' | 'client' | 'messages'>,
  root: ShadowRoot,
  launcher: HTMLButtonElement,
  /** The launcher's attributes the form takes. */
  forwarded: readonly string[],
): FeedbackDialog {
  adoptStyles(root, dialogStyles);

  const dialog = document.createElement('dialog');
  const title = Object.assign(document.createElement('h2'), { id: 'title' });
  const close = Object.assign(document.createElement('button'), { className: 'close', type: 'button', textContent: '×' });
  // Shown only when this browser sent feedback to an endpoint that keeps threads, or the page signed its user in.
  const toggle = Object.assign(document.createElement('button'), { className: 'messages-toggle', type: 'button' });
  const header = document.createElement('header');
  const body = Object.assign(document.createElement('div'), { className: 'body' });
  const threads = Object.assign(document.createElement('div'), { className: 'body', hidden: true });
  header.append(title, toggle, close);
  dialog.append(header, body, threads);
  let showingMessages = false;
  dialog.setAttribute('part', 'dialog');
  dialog.setAttribute('aria-labelledby', 'title');
  root.append(dialog);

  close.addEventListener('click', () => dialog.close());
  toggle.addEventListener('click', () => void showMessages(!showingMessages));
  // A feedback just sent to an endpoint that keeps threads: "Your messages" is there now.
  host.addEventListener('hearken-sent', () => localize());
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
    title.textContent = showingMessages ? t.yourMessages : t.dialogTitle;
    close.setAttribute('aria-label', t.close);
    const unread = unreadReplies();
    toggle.hidden = !showingMessages && !readMyFeedback().some((e) => e.followUp) && !(host.user?.id && host.user.signature);
    toggle.textContent = showingMessages ? t.backToForm : unread ? `${t.yourMessages} (${unread})` : t.yourMessages;
  };

  async function showMessages(show: boolean): Promise<void> {
    showingMessages = show;
    if (show && !threads.firstElementChild) {
      const { HearkenMessages } = await import('../messages/messages.js');
      defineElements({ messages: HearkenMessages });
      const view = document.createElement('hearken-messages');
      for (const name of MESSAGES_ATTRIBUTES) {
        const value = host.getAttribute(name);
        if (value !== null) view.setAttribute(name, value);
      }
      if (!view.hasAttribute('theme')) view.setAttribute('theme', 'light');
      view.messages = host.messages;
      view.user = host.user;
      threads.append(view);
      view.addEventListener('hearken-replies-seen', localize);
    } else if (show) {
      (threads.firstElementChild as HTMLElementTagNameMap['hearken-messages']).user = host.user;
      await (threads.firstElementChild as HTMLElementTagNameMap['hearken-messages']).reload();
    }
    body.hidden = show;
    threads.hidden = !show;
    localize();
    const view = threads.firstElementChild as HTMLElementTagNameMap['hearken-messages'] | null;
    if (show) {
      await view?.updateComplete;
      view?.focus();
    } else (body.firstElementChild as HTMLElement | null)?.focus();
  }

  // The open event's class lives here, not in the launcher: a subclass of `Event` costs the page ≈ 11 KB of heap before anyone interacts.
  const show = () => {
    dialog.showModal();
    launcher.setAttribute('aria-expanded', 'true');
    host.dispatchEvent(new HearkenOpenEvent());
  };

  const form: DialogForm = document.createElement('hearken-form');
  for (const name of forwarded) {
    const value = host.getAttribute(name);
    if (value !== null) form.setAttribute(name, value);
  }
  if (!form.hasAttribute('theme')) form.setAttribute('theme', 'light');
  form.setAttribute('in-dialog', '');
  Object.assign(form, { user: host.user, client: host.client, messages: host.messages });
  body.append(form);

  localize();
  return { dialog, form, localize, show, showMessages };
}
