// The script tag (before it shows a launcher) and createClient (before it sends) decide alike whether
// an endpoint is usable: a page never gets a launcher whose every send fails.
import { afterEach, describe, expect, it } from 'vitest';
import { checkEndpoint } from '../packages/client/src/endpoint.js';
import { isHttpEndpoint } from '../packages/widget/src/script-tag/endpoint.js';

const endpoints = [
  'https://feedback.example.com/feedback',
  'http://127.0.0.1:8080/feedback',
  '  https://example.com/x  ',
  '\thttps://example.com/x\n',
  '//feedback.example.com/feedback',
  '/feedback',
  'feedback',
  './feedback?x=1',
  '',
  '   ',
  'https://example.com/feed back',
  'https://example.com/feed\tback',
  'https://example.com/feedback\u00a0',
  '\u00a0/feedback',
  '/feedback\u00a0',
  '\ufeffhttps://example.com/feedback',
  '/feed\u2003back',
  'mailto:team@example.com',
  'javascript:alert(1)',
  'ftp://example.com/feedback',
  'https://',
];

const usableForClient = (endpoint: string) => {
  try {
    checkEndpoint(endpoint);
    return true;
  } catch {
    return false;
  }
};

describe('the script tag and createClient agree on the endpoint', () => {
  afterEach(() => void delete (globalThis as { location?: unknown }).location);
  for (const page of ['https://shop.example/checkout', 'http://localhost:3000/']) {
    it(`on ${page.split(':')[0]}: pages`, () => {
      (globalThis as { location?: unknown }).location = { href: page };
      for (const endpoint of endpoints) expect(isHttpEndpoint(endpoint, new URL(page).protocol), JSON.stringify(endpoint)).toBe(usableForClient(endpoint));
    });
  }
});
