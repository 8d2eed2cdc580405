import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Messages } from './messages.js';
import { resolveLocale } from './locale.js';
import { lookup, requestLanguage } from './translations.js';

type Host = ReactiveControllerHost & HTMLElement & { locale?: string; messages?: Partial<Messages> };

const hosts = new Set<Host>();
let observer: MutationObserver | undefined;

/**
 * Gives a Lit element its strings (`this.localize.t`) and re-renders it when the page's language or
 * direction changes (`lang`/`dir` anywhere in the document), as its own `locale` and `messages` do.
 */
export class LocalizeController implements ReactiveController {
  constructor(private readonly host: Host) {
    host.addController(this);
  }

  /**
   * The host's strings: its `messages`, the page's, its language's, English. Where the language's
   * table is a file not loaded yet (the script tag), it is asked for, and every host re-renders once it is in.
   */
  get t(): Messages {
    const locale = resolveLocale(this.host, this.host.locale);
    requestLanguage(locale, () => hosts.forEach((host) => host.requestUpdate()));
    return lookup(locale, this.host.messages);
  }

  hostConnected(): void {
    hosts.add(this.host);
    if (!observer) {
      observer = new MutationObserver(() => hosts.forEach((host) => host.requestUpdate()));
      observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang', 'dir'], subtree: true });
    }
  }

  hostDisconnected(): void {
    hosts.delete(this.host);
    if (!hosts.size) {
      observer?.disconnect();
      observer = undefined;
    }
  }
}
