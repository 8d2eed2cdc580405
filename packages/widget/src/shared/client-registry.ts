import { createClient, type ClientOptions, type HearkenClient } from '@hearken/client';

type Clients = Map<string, HearkenClient>;
const KEY = Symbol.for('hearken.clients');

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
