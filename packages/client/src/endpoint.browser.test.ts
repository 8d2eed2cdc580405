import { expect } from '@open-wc/testing';
import { testEndpoint } from '../../../test/support/test-endpoint.js';
import { createClient, createMemoryStorage } from './index.js';

describe('createClient in a page', () => {
  it('resolves a relative endpoint against the page and delivers to it', async () => {
    const endpoint = await testEndpoint();
    const path = new URL(endpoint.url).pathname;
    const client = createClient({ endpoint: path, storage: createMemoryStorage(), autoFlush: false });
    const result = await client.send({ message: 'to a path on this site' });
    client.close();
    expect(result.status).to.equal('sent');
    expect(await endpoint.accepted()).to.deep.equal([result.id]);
  });

  it('throws a TypeError for words, an empty endpoint or none, naming both forms it takes', () => {
    for (const endpoint of ['not a url', '', ' ', undefined, 'javascript:alert(1)']) {
      expect(() => createClient({ endpoint } as { endpoint: string }), String(endpoint)).to.throw(
        TypeError,
        `Hearken: createClient needs \`endpoint\`, the URL feedback is POSTed to (https://… or, in a page, /path); got ${JSON.stringify(endpoint)}`,
      );
    }
  });
});
