// hearken-launcher.js: mounts <hearken-feedback>, exposes window.Hearken, and loads the rest
// (hearken-widget.js and the page's language) on first intent, when idle, or at once when
// feedback from an earlier visit waits in the outbox.
import type { FeedbackInput, SendResult, User } from '@hearken/client';
import { hasPendingFeedback } from '@hearken/client';
import { ATTRIBUTES, HearkenFeedback } from '../feedback/feedback.js';
import { resolveLocale } from '../i18n/locale.js';
import { defineElements, VERSION } from '../registration.js';

/** `window.Hearken`, the script tag's API. */
export interface HearkenApi {
  version: string;
  /** Opens the feedback dialog. */
  open(): Promise<void>;
  /** Closes it. */
  close(): void;
  /** Identity from the host page (intranets): shown as "Sending as …" and sent with feedback. */
  identify(user: User | undefined): void;
  /** Sends feedback from your own UI through the same outbox. */
  send(feedback: FeedbackInput): Promise<SendResult>;
  /** Listens to `open`, `close`, `submit`, `sent`, `queued`, `error`; returns a function that stops listening. */
  on(event: string, listener: (event: Event) => void): () => void;
}

/** Calls made through the queueing snippet before the script ran: `[method, args, resolve, reject]`. */
type QueuedCall = [keyof HearkenApi, ArrayLike<unknown>, (value: unknown) => void, (reason: unknown) => void];

const page = window as unknown as { Hearken?: Partial<HearkenApi> & { q?: QueuedCall[] } };

let widgetBundle: Promise<typeof import('./widget-bundle.js')> | undefined;
const loadWidget = () => (widgetBundle ??= import('./widget-bundle.js'));
const loadLanguage = (locale: string) => (/^de\b/i.test(locale) ? import('./language-de.js') : import('./language-en.js'));

/** Starts the widget from the script tag's `data-*` attributes (the element's attribute names). */
export function start(data: Record<string, string | undefined>): void {
  // An async script may run before the body is parsed: wait for it, and for inline elements in it.
  if (document.readyState === 'loading') return void document.addEventListener('DOMContentLoaded', () => start(data), { once: true });
  // Listed twice, or after another copy: the first one serves the page.
  if (page.Hearken?.version) return;
  HearkenFeedback.loadForm = (locale) => Promise.all([loadWidget(), loadLanguage(locale)]);
  HearkenFeedback.loadDialog = loadWidget;
  defineElements({ feedback: HearkenFeedback });

  // An element already on the page (the npm build, or markup) is the one widget; else mount ours.
  let element = document.querySelector('hearken-feedback');
  if (!element) {
    element = document.createElement('hearken-feedback');
    for (const name of ATTRIBUTES) if (data[name]) element.setAttribute(name, data[name]!);
    document.body.append(element);
  }
  const widget = element;
  const client = async () =>
    (await loadWidget()).sharedClientFor({ endpoint: widget.endpoint ?? data.endpoint!, audience: widget.audience, site: widget.site, credentials: widget.credentials })!;

  const api: HearkenApi = {
    version: VERSION,
    open: () => widget.open(),
    close: () => widget.close(),
    identify: (user) => void (widget.user = user),
    send: async (feedback) => (await client()).send({ user: widget.user, ...feedback }),
    on(event, listener) {
      const type = event.startsWith('hearken-') ? event : `hearken-${event}`;
      widget.addEventListener(type, listener);
      return () => widget.removeEventListener(type, listener);
    },
  };
  const queued = page.Hearken?.q ?? [];
  page.Hearken = api;
  for (const [method, args, resolve, reject] of queued) {
    try {
      Promise.resolve((api[method] as (...a: unknown[]) => unknown)(...Array.from(args))).then(resolve, reject);
    } catch (error) {
      reject(error);
    }
  }

  // The rest (with the page's language) loads at once when feedback from an earlier visit waits,
  // so the client delivers it, or when the page has inline elements to show; else when idle.
  const preload = () => void HearkenFeedback.loadForm(resolveLocale(widget, widget.locale)).then(client).catch(() => {});
  if (hasPendingFeedback() || document.querySelector('hearken-form, hearken-rating')) preload();
  else if ('requestIdleCallback' in window) requestIdleCallback(preload, { timeout: 10_000 });
  else setTimeout(preload, 3000);
}
