// The configuration reference cannot drift from the elements' API (custom-elements.json).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript build helper
import { referenceSection, renderReference } from '../scripts/docs-reference.mjs';

describe('docs/configuration.md', () => {
  it('lists exactly the attributes, properties, methods, events, parts and CSS properties of custom-elements.json', () => {
    const manifest = JSON.parse(readFileSync('packages/widget/custom-elements.json', 'utf8'));
    const doc = readFileSync('docs/configuration.md', 'utf8');
    expect(referenceSection(doc), 'run `node scripts/docs-reference.mjs --write` after changing an element').toBe(renderReference(manifest));
  });

  it('names every element of the public contract', () => {
    const doc = readFileSync('docs/configuration.md', 'utf8');
    for (const tag of ['hearken-feedback', 'hearken-form', 'hearken-rating']) expect(doc).toContain(`<${tag}>`);
  });
});
