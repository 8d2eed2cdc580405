import { describe, expect, it } from 'vitest';
import { widgetBaseUrl } from './base-url.js';

describe('widgetBaseUrl', () => {
  it('gives the folder of a URL to the file itself', () => {
    expect(widgetBaseUrl('https://example.com/assets/hearken.js?v=1', '0.1.0')).toBe('https://example.com/assets/');
  });
  it('gives the files inside the package for a bare package URL, pinned to this version', () => {
    expect(widgetBaseUrl('https://cdn.example/npm/@hearken/widget@0.1.0', '0.1.0')).toBe('https://cdn.example/npm/@hearken/widget@0.1.0/dist/browser/');
    expect(widgetBaseUrl('https://cdn.example/npm/@hearken/widget@0/', '0.1.0')).toBe('https://cdn.example/npm/@hearken/widget@0.1.0/dist/browser/');
    expect(widgetBaseUrl('https://cdn.example/@hearken/widget', '0.1.0')).toBe('https://cdn.example/@hearken/widget@0.1.0/dist/browser/');
  });
});
