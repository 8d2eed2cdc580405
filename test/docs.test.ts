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

describe('docs/privacy.md', () => {
  it('quotes the widget’s "What is sent?" list word for word, in English and German', async () => {
    const doc = readFileSync('docs/privacy.md', 'utf8');
    const { en } = await import('../packages/widget/src/i18n/en.js');
    const { de } = await import('../packages/widget/src/i18n/de.js');
    for (const messages of [en, de]) {
      for (const line of [...messages.sentFields, messages.sentFieldsEmail, messages.sentFieldsInternal]) expect(doc).toContain(line);
    }
  });

  it('lists every collector flag about privacy with its environment twin in docs/collector.md', () => {
    const doc = readFileSync('docs/collector.md', 'utf8');
    for (const [flag, env] of [['--retention TIME', 'HEARKEN_RETENTION'], ['--retention-personal TIME', 'HEARKEN_RETENTION_PERSONAL'], ['--team-token NAME:TOKEN', 'HEARKEN_TEAM_TOKENS']]) {
      expect(doc).toMatch(new RegExp(`\\| \`${flag}\` \\| \`${env}\` \\|`));
    }
  });
});
