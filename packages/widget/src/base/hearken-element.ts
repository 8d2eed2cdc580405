import type { Audience, FeedbackInput, HearkenClient, SendResult } from '@hearken/client';
import { LitElement, type PropertyDeclarations } from 'lit';
import { HearkenErrorEvent } from '../events/error-event.js';
import { LocalizeController } from '../i18n/localize-controller.js';
import type { Messages } from '../i18n/messages.js';
import { deliver } from '../sending/deliver.js';
import { sharedClientFor } from '../sending/shared-client.js';
import { SHARED_ATTRIBUTES, type Theme } from './attributes.js';

/**
 * What `<hearken-form>` and `<hearken-rating>` share: the {@link SHARED_ATTRIBUTES} (where feedback
 * goes, language, theme), strings that follow the page's language, and one way to send.
 */
export class HearkenElement extends LitElement {
  static override properties: PropertyDeclarations = {
    ...Object.fromEntries(SHARED_ATTRIBUTES.map((name) => [name, name === 'theme' ? { reflect: true } : {}])),
    client: { attribute: false },
    messages: { attribute: false },
  };

  /** URL the feedback is POSTed to. */
  endpoint = '';
  /** Who gives the feedback: `external` (visitors) or `internal` (employees). @default 'external' */
  audience: Audience = 'external';
  /** Language, e.g. `de`; default the page's `<html lang>`, else `en`. */
  locale = '';
  /** Routing key sent with every feedback. */
  site = '';
  /** Colour theme. @default 'light' */
  theme: Theme = 'light';
  /** `include` sends cookies to the endpoint (intranets). @default 'same-origin' */
  declare credentials?: RequestCredentials;
  /** A client of your own (e.g. with `beforeSend`); by default one is made from the attributes. */
  declare client?: HearkenClient;
  /** Strings to override for this element. */
  declare messages?: Partial<Messages>;

  /** This element's strings, in its language. */
  protected readonly localize = new LocalizeController(this);

  /**
   * The `client` property, else the page's shared client for these attributes. Without a usable
   * endpoint: `undefined`, once the console says what to set and `hearken-error` has fired (an
   * endpoint that is set but unusable, `sharedClientFor` has already reported with its value).
   */
  protected resolveClient(): HearkenClient | undefined {
    const client = this.client ?? sharedClientFor(this);
    if (!client) {
      if (!this.endpoint) console.error(`<${this.localName}>: set the endpoint attribute (a URL, or a path on this site) or the client property to send feedback.`);
      this.dispatchEvent(new HearkenErrorEvent(new Error('no endpoint')));
    }
    return client;
  }

  /**
   * Sends as every Hearken element does: `hearken-submit` (cancelable) first, then `hearken-sent`,
   * `hearken-queued` or `hearken-error`. Resolves `undefined` when a listener cancelled.
   */
  protected send(client: HearkenClient, input: FeedbackInput): Promise<SendResult | undefined> {
    return deliver(this, client, input);
  }
}
