import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parseFeedback } from '../index.js';
import { feedbackJsonSchema } from './json-schema.js';
import { validFeedback } from './valid-feedback.fixture.js';

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(feedbackJsonSchema());

const valid = validFeedback;

// Each case: a change to the valid object, and whether both validators must accept it.
const cases: [string, Record<string, unknown>, boolean][] = [
  ['the valid object', {}, true],
  ['a rating instead of a message', { message: undefined, rating: { scale: 'nps', value: 10 } }, true],
  ['neither message nor rating', { message: undefined }, false],
  ['stars 0', { rating: { scale: 'stars', value: 0 } }, false],
  ['thumbs 1', { rating: { scale: 'thumbs', value: 1 } }, true],
  ['emoji 6', { rating: { scale: 'emoji', value: 6 } }, false],
  ['a fractional rating', { rating: { scale: 'stars', value: 2.5 } }, false],
  ['an unknown scale', { rating: { scale: 'hearts', value: 1 } }, false],
  ['schemaVersion 2', { schemaVersion: 2 }, false],
  ['a bad id', { id: 'abc' }, false],
  ['an upper-case id', { id: '3F0C1B5E-8A4B-4C6E-9D2A-1B2C3D4E5F60' }, true],
  ['a date without zone', { createdAt: '2026-11-26T10:00:00' }, false],
  ['an offset date', { createdAt: '2026-11-26T10:00:00+01:00' }, true],
  ['an unknown audience', { audience: 'partner' }, false],
  ['high urgency', { urgency: 'high' }, true],
  ['an unknown urgency', { urgency: 'urgent' }, false],
  ['5,000 emoji', { message: '😀'.repeat(5000) }, true],
  ['5,001 characters', { message: 'x'.repeat(5001) }, false],
  ['tags', { tags: ['printer', 'floor-3'] }, true],
  ['21 tags', { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, false],
  ['an empty tag', { tags: [''] }, false],
  ['flat metadata', { metadata: { seats: 12, plan: 'pro', beta: true } }, true],
  ['nested metadata', { metadata: { a: { b: 1 } } }, false],
  ['contact with consent and email', { contact: { email: 'jane@example.com', mayContact: true } }, true],
  ['consent without email', { contact: { mayContact: true } }, false],
  ['a bad email', { contact: { email: 'jane@', mayContact: false } }, false],
  ['anonymous with a user', { anonymous: true, user: { name: 'Jane' } }, false],
  ['anonymous without identity', { anonymous: true }, true],
  ['a user with a department', { user: { id: 'e1', name: 'Jane', department: 'IT', email: 'jane@example.com' } }, true],
  ['context', { context: { url: 'https://intranet.example/it', viewport: { width: 1, height: 2 } } }, true],
  ['an empty category', { category: '' }, false],
];

describe('feedback.schema.json', () => {
  it.each(cases)('agrees with FeedbackSchema: %s', (_, change, expected) => {
    const value = Object.fromEntries(Object.entries({ ...valid, ...change }).filter(([, v]) => v !== undefined));
    expect(parseFeedback(value).success).toBe(expected);
    expect(validate(value), JSON.stringify(validate.errors)).toBe(expected);
  });
});
