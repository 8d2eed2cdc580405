import { createClient, type ClientOptions, type HearkenClient } from '@hearken/client';

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
  if (!client) clients.set(key, (client = createClient(options)));
  return client;
}

/** The shared client for an element's delivery attributes, or `undefined` without an endpoint. */
export function sharedClientFor({ endpoint, audience, site, credentials }: DeliveryAttributes): HearkenClient | undefined {
  if (!endpoint) return undefined;
  return sharedClient({
    endpoint,
    audience: audience === 'internal' ? 'internal' : 'external',
    site: site || undefined,
    credentials: (credentials || undefined) as RequestCredentials | undefined,
  });
}
