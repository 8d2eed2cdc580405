import { expect } from '@open-wc/testing';
import { testEndpoint, waitFor } from '../../../../test/support/test-endpoint.js';
import { createClient, createIndexedDBStorage, createDefaultStorage, type HearkenClient } from '../index.js';

// No floor for 429/503 without Retry-After here: these tests are about the retry itself.
const fast = { baseDelay: 5, maxDelay: 50, retryAfterFloor: 0 };

describe('outbox in the browser', () => {
  const clients: HearkenClient[] = [];
  afterEach(() => clients.splice(0).forEach((c) => c.close()));
  const make = (options: Parameters<typeof createClient>[0]) => {
    const client = createClient({ retry: fast, ...options });
    clients.push(client);
    return client;
  };

  it('stores in IndexedDB: a new client on the same store (a reload) delivers what the first queued', async () => {
    const endpoint = await testEndpoint({ status: 503 });
    const name = `hearken-test-${Math.random()}`;
    const first = make({ endpoint: endpoint.url, storage: createIndexedDBStorage(name), autoFlush: false });
    const result = await first.send({ message: 'survives a reload' });
    expect(result.status).to.equal('queued');
    first.close();

    const stored = await createIndexedDBStorage(name).list();
    expect(stored.map((i) => i.id)).to.deep.equal([result.id]);

    const second = make({ endpoint: endpoint.url, storage: createIndexedDBStorage(name) });
    await waitFor(async () => (await endpoint.accepted()).length === 1);
    expect(await endpoint.accepted()).to.deep.equal([result.id]);
    expect(await second.pending()).to.equal(0);
  });

  it('falls back to localStorage when IndexedDB throws, with no uncaught error', async () => {
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent | PromiseRejectionEvent) => errors.push(event);
    addEventListener('error', onError);
    addEventListener('unhandledrejection', onError);
    const original = indexedDB.open;
    indexedDB.open = () => {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
    try {
      const endpoint = await testEndpoint({ status: 503 });
      const client = make({ endpoint: endpoint.url, storage: createDefaultStorage(), autoFlush: false });
      const result = await client.send({ message: 'private mode' });
      expect(result.status).to.equal('queued');
      expect(localStorage.getItem('hearken:outbox')).to.contain(result.id);
      await client.flush();
      expect(await endpoint.accepted()).to.deep.equal([result.id]);
      expect(localStorage.getItem('hearken:outbox')).to.equal(null);
    } finally {
      indexedDB.open = original;
      removeEventListener('error', onError);
      removeEventListener('unhandledrejection', onError);
    }
    expect(errors).to.have.length(0);
  });

  it('two clients racing on one store deliver one copy (Web Locks)', async () => {
    const endpoint = await testEndpoint({ status: 503 }, { status: 200, delay: 100 });
    const name = `hearken-race-${Math.random()}`;
    const first = make({ endpoint: endpoint.url, storage: createIndexedDBStorage(name), autoFlush: false });
    await first.send({ message: 'only once' });
    const second = make({ endpoint: endpoint.url, storage: createIndexedDBStorage(name), autoFlush: false });
    await Promise.all([first.flush(), second.flush(), first.flush(), second.flush()]);
    expect((await endpoint.log()).length).to.equal(2);
    expect((await endpoint.accepted()).length).to.equal(1);
  });

  it('on pagehide sends waiting feedback with keepalive, keeping it stored until a 2xx is seen', async () => {
    const endpoint = await testEndpoint({ status: 503 }, { status: 200 });
    const storage = createIndexedDBStorage(`hearken-pagehide-${Math.random()}`);
    const client = make({ endpoint: endpoint.url, storage, retry: { baseDelay: 60_000, maxDelay: 60_000 } });
    await new Promise((resolve) => setTimeout(resolve, 100)); // the flush at start has run (on an empty outbox)
    const result = await client.send({ message: 'leaving the page' });
    expect(result.status).to.equal('queued');
    expect((await storage.list()).map((i) => i.id)).to.deep.equal([result.id]);
    const sent: RequestInit[] = [];
    const original = window.fetch;
    window.fetch = (input, init) => (init?.method === 'POST' && sent.push(init), original(input, init));
    try {
      dispatchEvent(new PageTransitionEvent('pagehide'));
      await waitFor(async () => (await endpoint.accepted()).length === 1);
    } finally {
      window.fetch = original;
    }
    expect(sent[0]!.keepalive).to.equal(true);
    await waitFor(async () => (await storage.list()).length === 0);
  });

  it('captures the page context', async () => {
    const endpoint = await testEndpoint();
    document.title = 'Context page';
    await make({ endpoint: endpoint.url, autoFlush: false, context: { userAgent: false } }).send({ message: 'where am I' });
    const [request] = await endpoint.log();
    expect(request!.feedback.context!.url).to.equal(location.href.split('#')[0]);
    expect(request!.feedback.context!.title).to.equal('Context page');
    expect(request!.feedback.context!.viewport!.width).to.be.greaterThan(0);
    expect(request!.feedback.context!.userAgent).to.equal(undefined);
  });
});
