import type { Audience, HearkenClient, RatingScale, User } from '@hearken/client';
import type { LauncherPosition, Theme } from '../base/attributes.js';
import { hasFollowUps } from '@hearken/client/follow-up';
import { SHARED_ATTRIBUTES } from '../base/attributes.js';
import { HTMLElementOrStub } from '../base/html-element.js';
import { launcherMessages } from '../i18n/launcher-messages.js';
import { resolveLocale } from '../i18n/locale.js';
import type { LauncherMessages, Messages } from '../i18n/messages.js';
import { languageOf, lookup } from '../i18n/translations.js';
import { adoptStyles } from '../styles/adopt-styles.js';
import type { FeedbackDialog } from './feedback-dialog.js';
import type { PaintReplies } from './launcher-replies.js';
import { feedbackStyles } from './feedback.styles.js';

/** Attributes the launcher passes on to the form inside its dialog. */
const FORWARDED = [...SHARED_ATTRIBUTES, 'rating', 'categories'] as const;
/** Every string attribute, each with a same-named property (the script tag's `data-*` names too). */
export const ATTRIBUTES = [...FORWARDED, 'position'] as const;
/**
 * In sessionStorage: this tab's choice to minimise the launcher, kept for the tab's session. In
 * localStorage: the launcher was minimised at some time in this browser (never removed; no personal
 * data). Opening a storage area costs the page a few milliseconds at start, and localStorage is
 * opened anyway (follow-up keys, waiting feedback): only where it holds this key, or cannot be read,
 * is sessionStorage opened too. A page that clears localStorage (at logout, say) also makes its tabs
 * forget that the launcher was minimised, as does a full localStorage when it is minimised.
 */
const MINIMIZED_KEY = 'hearken:minimized';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> & Record<string, unknown> = {}, ...children: (Node | string)[]) {
  const element = Object.assign(document.createElement(tag), props);
  element.append(...children);
  return element;
}

/**
 * A floating launcher button that opens the feedback form in a modal dialog.
 *
 * It is small on purpose: the form's code loads on first intent (pointer over or focus on the
 * launcher, a touch on it, or `open()`), so a page pays almost nothing until someone wants to give feedback.
 *
 * @summary Floating "Feedback" button with a modal feedback dialog.
 * @tag hearken-feedback
 *
 * @attr endpoint - URL the feedback is POSTed to (required).
 * @attr audience - `external` (default) or `internal`.
 * @attr locale - `en` or `de` (or a registered language); default: the page's `<html lang>`, else `en`.
 * @attr site - Routing key sent with every feedback.
 * @attr theme - `light` (default), `dark` or `auto` (follows the system).
 * @attr position - `bottom-right` (default), `bottom-left`, `top-right` or `top-left`.
 * @attr rating - Rating scale shown in the form: `stars`, `nps`, `thumbs`, `emoji`; none when absent.
 * @attr categories - Comma-separated categories offered; default per audience.
 * @attr credentials - `include` to send cookies to the endpoint (intranets); default `same-origin`.
 * @attr minimized - Shows the launcher as a small icon; the person can minimise it too.
 *
 * @event hearken-open - The dialog opened.
 * @event hearken-close - The dialog closed.
 * @event hearken-submit - From the form: about to send (cancelable).
 * @event hearken-sent - From the form: the endpoint accepted the feedback.
 * @event hearken-queued - From the form: stored for later delivery.
 * @event hearken-error - From the form: not sent, and why.
 *
 * @csspart launcher - The floating button.
 * @csspart minimize - The button that shrinks the launcher.
 * @csspart dialog - The `<dialog>`.
 *
 * @cssproperty [--hearken-color-accent=#3451b2] - Launcher, buttons, focus ring.
 * @cssproperty [--hearken-color-on-accent=#fff] - Text on the accent colour.
 * @cssproperty [--hearken-color-surface=#fff] - Dialog background.
 * @cssproperty [--hearken-color-text=#1c1d22] - Text.
 * @cssproperty [--hearken-color-muted=#555866] - Secondary text.
 * @cssproperty [--hearken-color-border=#858899] - Borders of fields and the dialog.
 * @cssproperty [--hearken-color-danger=#b3261e] - Errors.
 * @cssproperty [--hearken-color-success=#1b6e36] - Confirmation.
 * @cssproperty [--hearken-radius=10px] - Corner radius.
 * @cssproperty [--hearken-font=system-ui] - Font family.
 * @cssproperty [--hearken-z-index=2147483000] - Stacking of the launcher.
 * @cssproperty [--hearken-dialog-width=440px] - Width of the dialog.
 */
export class HearkenFeedback extends HTMLElementOrStub {
  static observedAttributes = [...FORWARDED, 'minimized'];

  /**
   * Loads the form's code (and the language for `locale`) and resolves when `<hearken-form>` is
   * defined. By default it waits for the definition (`@hearken/widget/define` makes it at once); the
   * script-tag loader points this at the files beside it.
   */
  static loadForm: (locale: string) => Promise<unknown> = () => customElements.whenDefined('hearken-form');

  /** Loads the dialog's code: it is needed only once someone opens it. */
  static loadDialog = () => import('./feedback-dialog.js');

  /**
   * Loads the unread-replies badge and the background check of this browser's threads (each at most
   * once per 10 minutes). The launcher calls it only when this browser holds follow-up keys; the
   * script-tag loader points it at the file beside it.
   */
  static loadReplies = () => import('./launcher-replies.js');

  /** URL the feedback is POSTed to (required to send). */
  declare endpoint: string | null;
  /** Who gives the feedback; `null` means `external`. */
  declare audience: Audience | null;
  /** Language, e.g. `de`; `null` means the page's `<html lang>`, else `en`. */
  declare locale: string | null;
  /** Routing key sent with every feedback. */
  declare site: string | null;
  /** Colour theme; `null` means `light`. */
  declare theme: Theme | null;
  /** Where the launcher sits; `null` means `bottom-right`. */
  declare position: LauncherPosition | null;
  /** Rating scale offered in the form; `null` offers none. */
  declare rating: RatingScale | null;
  /** Comma-separated categories offered; `null` means the audience's defaults. */
  declare categories: string | null;
  /** `include` sends cookies to the endpoint (intranets); `null` means `same-origin`. */
  declare credentials: RequestCredentials | null;

  static {
    // The properties mirror the attributes (set `null` to remove one).
    for (const name of ATTRIBUTES) {
      Object.defineProperty(this.prototype, name, {
        get(this: Element) {
          return this.getAttribute(name);
        },
        set(this: Element, value: string | null) {
          if (value == null) this.removeAttribute(name);
          else this.setAttribute(name, value);
        },
      });
    }
  }

  /** A client of your own (e.g. with `beforeSend`); by default one is made from the attributes. */
  client?: HearkenClient;
  /** Strings to override for this element. */
  messages?: Partial<Messages>;

  readonly #root = this.attachShadow({ mode: 'open' });
  readonly #launcher = el('button', { className: 'launcher', type: 'button' });
  readonly #label = el('span', { className: 'label' });
  readonly #minimize = el('button', { className: 'minimize', type: 'button', textContent: '×' });
  #dialog?: FeedbackDialog;
  #prepared?: Promise<FeedbackDialog>;
  #user?: User;
  #paintReplies?: PaintReplies;

  constructor() {
    super();
    adoptStyles(this.#root, feedbackStyles);
    this.#launcher.setAttribute('part', 'launcher');
    this.#launcher.setAttribute('aria-haspopup', 'dialog');
    // The icon is drawn in CSS: an inline SVG would cost the page ≈ 30 KB of heap for its DOM interfaces.
    this.#launcher.append(el('span', { className: 'icon' }), this.#label);
    this.#minimize.setAttribute('part', 'minimize');
    this.#root.append(this.#launcher, this.#minimize);

    const intent = () => void this.#prepare().catch(() => {});
    for (const type of ['pointerenter', 'focus', 'touchstart']) this.#launcher.addEventListener(type, intent, { passive: true });
    this.#launcher.addEventListener('click', () => void this.open());
    this.#minimize.addEventListener('click', () => {
      this.toggleAttribute('minimized', true);
      try {
        sessionStorage.setItem(MINIMIZED_KEY, '1');
      } catch {}
      try {
        localStorage.setItem(MINIMIZED_KEY, '1');
      } catch {}
      this.#launcher.focus();
    });
  }

  connectedCallback(): void {
    let minimizedSomewhere: string | null = '1';
    try {
      minimizedSomewhere = localStorage.getItem(MINIMIZED_KEY);
    } catch {}
    try {
      if (minimizedSomewhere && sessionStorage.getItem(MINIMIZED_KEY)) this.toggleAttribute('minimized', true);
    } catch {}
    this.#localize();
    if (hasFollowUps())
      void HearkenFeedback.loadReplies().then(({ showReplies }) => {
        this.#paintReplies ??= showReplies(this, this.#launcher, () => this.#localize());
        this.#localize();
      }, () => {});
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    if (name === 'locale') this.#localize();
    const form = this.#dialog?.form;
    if (form && (FORWARDED as readonly string[]).includes(name)) {
      // A new language may need its table first (the script tag loads one language at a time).
      void this.#load().then(() => {
        if (value === null) form.removeAttribute(name);
        else form.setAttribute(name, value);
        this.#dialog?.localize();
      });
    }
  }

  /** Identity from the host page (intranets), shown in the form as "Sending as …". */
  get user(): User | undefined {
    return this.#user;
  }
  set user(user: User | undefined) {
    this.#user = user;
    if (this.#dialog) this.#dialog.form.user = user;
  }

  /** Whether the dialog is open. */
  get isOpen(): boolean {
    return Boolean(this.#dialog?.dialog.open);
  }

  /** Opens the dialog (loading it and the form first, if needed) and moves focus into it. */
  async open(): Promise<void> {
    if (this.isOpen) return;
    const { dialog, show } = await this.#prepare();
    if (dialog.open) return;
    show();
    this.#dialog!.form.focus();
  }

  /**
   * Loads the dialog and the form and builds them, closed: on intent (pointer over, focus, touch), so
   * that the click itself only has to show them. Resolves once the form has rendered. Calls made
   * meanwhile (intent, then a click; a double click) share one dialog and one form.
   */
  #prepare(): Promise<FeedbackDialog> {
    return (this.#prepared ??= (async () => {
      await this.#load();
      const { createFeedbackDialog } = await HearkenFeedback.loadDialog();
      const dialog = (this.#dialog ??= createFeedbackDialog(this, this.#root, this.#launcher, FORWARDED));
      await dialog.form.updateComplete;
      return dialog;
    })().catch((error: unknown) => {
      // A file that did not load: the next intent or click tries again.
      this.#prepared = undefined;
      throw error;
    }));
  }

  /** Closes the dialog; what was typed stays for the next time it opens. */
  close(): void {
    this.#dialog?.dialog.close();
  }

  #load(): Promise<unknown> {
    return Promise.all([HearkenFeedback.loadForm(this.#locale()), HearkenFeedback.loadDialog()]);
  }

  #locale(): string {
    return resolveLocale(this, this.getAttribute('locale'));
  }

  #localize(): void {
    const locale = this.#locale();
    const base = { ...launcherMessages.en, ...(launcherMessages as Record<string, LauncherMessages>)[languageOf(locale)] };
    const text = lookup<LauncherMessages>(locale, this.messages, base);
    this.#label.textContent = text.launcher;
    this.#minimize.setAttribute('aria-label', text.minimize);
    this.#paintReplies?.(text, locale);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hearken-feedback': HearkenFeedback;
  }
}
