import { createClient, type ClientOptions, type DeliveryEvent, type HearkenClient } from '@hearken/client';

type Clients = Map<string, HearkenClient>;
const KEY = Symbol.for('hearken.clients');

/** What an element's attributes say about delivery; empty strings count as not set. */
export interface DeliveryAttributes {
  endpoint: string | null;
  audience?: string | null;
  site?: string | null;
  credentials?: string | null;
}

/**
 * One client per endpoint and settings, shared by every element on the page (and every copy of
 * Hearken, through `globalThis`), so they share one outbox and one delivery timer.
 */
export function sharedClient(options: Pick<ClientOptions, 'endpoint' | 'audience' | 'site' | 'credentials'>): HearkenClient {
  const clients = ((globalThis as Record<symbol, Clients>)[KEY] ??= new Map());
  const key = JSON.stringify([options.endpoint, options.audience, options.site, options.credentials]);
  let client = clients.get(key);
  if (!client) {
    const events: DeliveryEvent[] = [];
    clients.set(key, (client = createClient({ ...options, onDelivery: (event) => event.status === 'dropped' && events.push(event) })));
    dropped.set(client, events);
  }
  return client;
}

/** Feedback a shared client evicted or gave up, so that an element can tell the person. */
const dropped = new WeakMap<HearkenClient, DeliveryEvent[]>();

/** The drops of `client` not yet told, and forgets them. */
export const takeDropped = (client: HearkenClient): DeliveryEvent[] => dropped.get(client)?.splice(0) ?? [];

/**
 * The shared client for an element's delivery attributes, or `undefined` without a usable endpoint
 * (an unusable one is reported in the console with what to fix): an element never throws into the page.
 */
export function sharedClientFor({ endpoint, audience, site, credentials }: DeliveryAttributes): HearkenClient | undefined {
  if (!endpoint) return undefined;
  try {
    return sharedClient({
      endpoint,
      audience: audience === 'internal' ? 'internal' : 'external',
      site: site || undefined,
      credentials: (credentials || undefined) as RequestCredentials | undefined,
    });
  } catch (error) {
    console.error((error as Error).message);
    return undefined;
  }
}
