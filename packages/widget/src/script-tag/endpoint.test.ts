import { describe, expect, it } from 'vitest';
import { isHttpEndpoint } from './endpoint.js';

const viaUrl = (endpoint: string, page: string) => {
  try {
    return /^https?:$/.test(new URL(endpoint, page).protocol);
  } catch {
    return false;
  }
};

const endpoints = [
  'https://feedback.example.com/feedback',
  'http://127.0.0.1:8080/feedback',
  'HTTPS://EXAMPLE.COM',
  '  https://example.com/x  ',
  '//feedback.example.com/feedback',
  '/feedback',
  'feedback',
  './feedback?x=1',
  '../api/feedback#a',
  '?endpoint',
  'https:example.com',
  'mailto:team@example.com',
  'javascript:alert(1)',
  'data:text/plain,x',
  'ftp://example.com/feedback',
  'file:///tmp/feedback',
  'ws://example.com/feedback',
  'https://',
  'http://?x',
  'http:///',
];

describe('isHttpEndpoint', () => {
  it("refuses what createClient refuses though a page would resolve it as a path: empty, or white space inside", () => {
    for (const endpoint of ['', '   ', 'https://example.com/feed back', 'https://exa mple.com', '/feed\tback', 'feedback\nhere'])
      expect(isHttpEndpoint(endpoint, 'https:'), JSON.stringify(endpoint)).toBe(false);
    expect(isHttpEndpoint('  https://example.com/feedback\n', 'https:')).toBe(true);
  });

  for (const page of ['https://shop.example/checkout', 'http://localhost:3000/', 'file:///home/me/page.html']) {
    it(`gives the answer of new URL(endpoint, page) for each endpoint, on ${page.split(':')[0]}: pages`, () => {
      for (const endpoint of endpoints) expect(isHttpEndpoint(endpoint, new URL(page).protocol), endpoint).toBe(viaUrl(endpoint, page));
    });
  }
});
