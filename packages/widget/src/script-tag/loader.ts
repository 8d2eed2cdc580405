// hearken.js: the classic script a site pastes. It carries what paints the launcher, so the launcher
// shows with no second request, and exposes window.Hearken. It starts once the document is parsed,
// without waiting for the page's images. The rest (hearken-widget.js: the dialog, the form, the
// client, and the page's language) loads on intent — pointer over, focus or touch on the
// launcher, or Hearken.open() — or at once when feedback from an earlier visit waits in the outbox or
// the page has inline elements to show.
import type { FeedbackInput, SendResult, User } from '@hearken/client';
import { hasPendingFeedback } from '@hearken/client/pending';
import { ATTRIBUTES, HearkenFeedback } from '../feedback/feedback.js';
import { resolveLocale } from '../i18n/locale.js';
import { defineElements, VERSION } from '../registration.js';
import { builtInLanguage, widgetBaseUrl } from './base-url.js';
import { isHttpEndpoint } from './endpoint.js';

/** `window.Hearken`, the script tag's API. */
export interface HearkenApi {
  version: string;
  /** Opens the feedback dialog. */
  open(): Promise<void>;
  /** Closes it. */
  close(): void;
  /** Identity from the host page (intranets): shown as "Sending as …" and sent with feedback. */
  identify(user: User | undefined): void;
  /** Sends feedback from your own UI through the same outbox; `on('sent')` and the other events hear it as they hear the dialog. */
  send(feedback: FeedbackInput): Promise<SendResult>;
  /** Listens to `open`, `close`, `submit`, `sent`, `queued`, `error`; returns a function that stops listening. */
  on(event: string, listener: (event: Event) => void): () => void;
}

/** Calls made through the queueing snippet before the script ran: `[method, args, resolve, reject]`. */
type QueuedCall = [keyof HearkenApi, ArrayLike<unknown>, (value: unknown) => void, (reason: unknown) => void];

type WidgetModule = typeof import('./widget-bundle.js');
const page = window as unknown as { Hearken?: Partial<HearkenApi> & { q?: QueuedCall[] } };

/**
 * Calls `then` once the document is parsed (at once when it is: an async script usually runs after
 * that), so that the launcher shows without waiting for the page's images. While the page is still
 * parsing, it checks before each frame, or every half second in a hidden tab, where frames do not
 * come; not by listening for `DOMContentLoaded`: a listener is handed an `Event`, and that interface
 * alone costs the page ≈ 11 KB of heap before anyone interacts.
 */
function whenParsed(then: () => void): void {
  if (document.readyState !== 'loading') then();
  else if (document.hidden) setTimeout(() => whenParsed(then), 500);
  else requestAnimationFrame(() => whenParsed(then));
}

/** Starts the widget from the script tag's `data-*` attributes (the element's attribute names). */
function start(data: Record<string, string | undefined>, scriptUrl: string): void {
  // Listed twice, or after another copy: the first one serves the page.
  if (page.Hearken?.version) return;

  // The files' URLs are worked out on first intent: `URL` costs the page heap before anyone interacts.
  const fileUrl = (name: string) => new URL(name, widgetBaseUrl(scriptUrl, VERSION)).href;
  let loading: Promise<WidgetModule> | undefined;
  const loadWidget = () =>
    (loading ??= (import(fileUrl('hearken-widget.js')) as Promise<WidgetModule>).catch((error) => {
      loading = undefined;
      console.error(
        `Hearken: could not load ${fileUrl('hearken-widget.js')}. Served from another origin than the page, the files need the header Access-Control-Allow-Origin (they load as module scripts).`,
        error,
      );
      throw error;
    }));
  // The language file is fetched beside the widget, not after it: one round trip on intent, not two.
  HearkenFeedback.loadForm = (locale) => {
    void import(fileUrl(`hearken-language-${builtInLanguage(locale)}.js`)).catch(() => {});
    return loadWidget().then((widget) => widget.loadLanguage(locale));
  };
  HearkenFeedback.loadDialog = loadWidget;
  HearkenFeedback.loadReplies = () => import(fileUrl('hearken-replies.js'));
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
    (await loadWidget()).scriptTagClient({ endpoint: widget.endpoint ?? data.endpoint!, audience: widget.audience, site: widget.site, credentials: widget.credentials });

  const api: HearkenApi = {
    version: VERSION,
    open: () => widget.open(),
    close: () => widget.close(),
    identify: (user) => void (widget.user = user),
    send: async (feedback) => (await loadWidget()).scriptTagSend(widget, await client(), { user: widget.user, ...feedback }),
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

  // Feedback from an earlier visit waits: the client delivers it now. Inline elements need their code.
  // Each inline element in its own language: `<hearken-form locale="de">` on an English page.
  const inline = [...document.querySelectorAll('hearken-form, hearken-rating')];
  if (hasPendingFeedback() || inline.length)
    void Promise.all([widget, ...inline].map((element) => HearkenFeedback.loadForm(resolveLocale(element, element.getAttribute('locale')))))
      .then(client)
      .catch(() => {});
}

const script = document.currentScript as HTMLScriptElement | null;
// Read by getAttribute and from document.URL: `dataset` and `location` are interfaces of their own,
// each a cost in heap to a page where nobody may ever give feedback.
const data = Object.fromEntries(ATTRIBUTES.map((name) => [name, script?.getAttribute(`data-${name}`) ?? undefined]));
const endpoint = data.endpoint;
if (!endpoint || !isHttpEndpoint(endpoint, document.URL.slice(0, document.URL.indexOf(':') + 1))) console.error(`Hearken: no widget, data-endpoint must be the feedback URL (https://…); got ${endpoint ? `"${endpoint}"` : 'none'}.`);
else whenParsed(() => start(data, script!.src));
