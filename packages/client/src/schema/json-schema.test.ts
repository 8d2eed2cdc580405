import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parseFeedback } from '../index.js';
import { feedbackJsonSchema } from './json-schema.js';
import { validFeedback } from './valid-feedback.fixture.js';

const ajv = new Ajv2020({ allErrors: true, strict: true });
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
  // contact is { email?, name?, mayContact }: consent without an address is valid feedback.
  ['consent without email', { contact: { mayContact: true } }, true],
  ['consent with a name only', { contact: { name: 'Ann', mayContact: true } }, true],
  ['contact without mayContact', { contact: { email: 'jane@example.com' } }, false],
  ['a bad email', { contact: { email: 'jane@', mayContact: false } }, false],
  ['anonymous with a user', { anonymous: true, user: { name: 'Jane' } }, false],
  ['anonymous without identity', { anonymous: true }, true],
  ['a user with a department', { user: { id: 'e1', name: 'Jane', department: 'IT', email: 'jane@example.com' } }, true],
  ['context', { context: { url: 'https://intranet.example/it', viewport: { width: 1, height: 2 } } }, true],
  ['an empty category', { category: '' }, false],
  // White space: a message counts after trimming; other lengths count the string as received;
  // labels need a visible character.
  ['5,000 characters and a trailing space', { message: `${'x'.repeat(5000)} ` }, true],
  ['5,000 characters between newlines', { message: `\n${'x'.repeat(5000)}\n` }, true],
  ['5,000 emoji with white space inside and around', { message: ` \t${'😀 '.repeat(2500)}\r\n` }, true],
  ['5,001 characters between spaces', { message: ` ${'x'.repeat(5001)} ` }, false],
  ['5,000 characters inside, a letter after the spaces', { message: `${'x'.repeat(5000)}   y` }, false],
  ['one character between spaces', { message: '  x  ' }, true],
  ['two characters between no-break spaces', { message: '\u00a0xy\u00a0' }, true],
  ['a message of spaces only', { message: '   ' }, false],
  ['a message of spaces with a rating', { message: '   ', rating: { scale: 'stars', value: 4 } }, true],
  ['a category of spaces', { category: '   ' }, false],
  ['a category with surrounding spaces', { category: ' idea ' }, true],
  ['a tag of spaces', { tags: ['  '] }, false],
  ['a site of spaces', { site: ' ' }, false],
  ['an email with surrounding spaces', { contact: { email: ' jane@example.com ', mayContact: true } }, true],
  ['an email with an upper-case domain', { contact: { email: 'jane@EXAMPLE.com', mayContact: false } }, true],
  ['a title of 500 characters and a space', { context: { url: 'https://x.example/', title: `${'t'.repeat(500)} ` } }, false],
  // Calendar: RFC 3339 date-times of days that exist.
  ['30 February', { createdAt: '2026-02-30T10:00:00Z' }, false],
  ['29 February of a leap year', { createdAt: '2028-02-29T10:00:00Z' }, true],
  ['29 February of another year', { createdAt: '2027-02-29T10:00:00Z' }, false],
  ['31 April', { createdAt: '2026-04-31T10:00:00Z' }, false],
  ['month 13', { createdAt: '2026-13-01T10:00:00Z' }, false],
  ['hour 24', { createdAt: '2026-11-26T24:00:00Z' }, false],
  ['a leap second', { createdAt: '2026-12-31T23:59:60Z' }, false],
  ['no seconds', { createdAt: '2026-11-26T10:00Z' }, false],
  ['milliseconds', { createdAt: '2026-11-26T10:00:00.123Z' }, true],
  ['a lower-case t', { createdAt: '2026-11-26t10:00:00Z' }, false],
];

describe('feedback.schema.json', () => {
  it('compiles in Ajv 2020 strict mode without a warning', () => {
    const warnings: unknown[] = [];
    const quiet = new Ajv2020({ strict: true, logger: { log() {}, warn: (...args: unknown[]) => warnings.push(args), error: (...args: unknown[]) => warnings.push(args) } });
    addFormats(quiet);
    expect(() => quiet.compile(feedbackJsonSchema())).not.toThrow();
    expect(warnings).toEqual([]);
  });

  it('checks the message pattern in linear time, also on a long string built to make it backtrack', () => {
    const pattern = new RegExp((feedbackJsonSchema().properties.message as { pattern: string }).pattern, 'u');
    const hostile = ` ${' '.repeat(50_000)}x${' x'.repeat(10_000)}!`;
    const started = performance.now();
    expect(pattern.test(hostile)).toBe(false);
    expect(performance.now() - started).toBeLessThan(250);
  });

  it('has at least 30 shared cases', () => expect(cases.length).toBeGreaterThanOrEqual(30));

  it.each(cases)('agrees with FeedbackSchema: %s', (_, change, expected) => {
    const value = Object.fromEntries(Object.entries({ ...valid, ...change }).filter(([, v]) => v !== undefined));
    expect(parseFeedback(value).success).toBe(expected);
    expect(validate(value), JSON.stringify(validate.errors)).toBe(expected);
  });
});
