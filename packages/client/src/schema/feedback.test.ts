import { describe, expect, it } from 'vitest';
import { validFeedback } from './valid-feedback.fixture.js';
import { parseFeedback, parseFeedbackInput, MESSAGE_MAX_LENGTH, messageLength } from '../index.js';

const valid = {
  ...validFeedback,
  message: '  Printer on floor 3 is broken  ',
  urgency: 'high',
  user: { id: 'u1', name: 'Jane Doe', department: 'IT' },
  context: { url: 'https://intranet.example/it', viewport: { width: 1280, height: 720 } },
  metadata: { ticket: 42, vip: true, source: 'portal' },
};

describe('feedback schema', () => {
  it('accepts a full wire object and trims the message', () => {
    const result = parseFeedback(valid);
    expect(result.success).toBe(true);
    if (result.success) expect(result.data.message).toBe('Printer on floor 3 is broken');
  });

  it('requires a message or a rating', () => {
    const result = parseFeedback({ ...valid, message: '   ' });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.issues).toContainEqual(expect.objectContaining({ path: ['message'], code: 'required' }));
    expect(parseFeedback({ ...valid, message: undefined, rating: { scale: 'nps', value: 9 } }).success).toBe(true);
  });

  it.each([
    ['stars', 0, false],
    ['stars', 5, true],
    ['nps', 10, true],
    ['nps', 11, false],
    ['thumbs', 1, true],
    ['thumbs', 2, false],
    ['emoji', 1, true],
    ['stars', 2.5, false],
  ])('rating %s %d valid: %s', (scale, value, ok) => {
    expect(parseFeedback({ ...valid, rating: { scale, value } }).success).toBe(ok);
  });

  it('counts the message in code points: 5,000 emoji pass, 5,001 fail with a too_big issue', () => {
    const emoji = '👍'.repeat(MESSAGE_MAX_LENGTH);
    expect(messageLength(emoji)).toBe(5000);
    expect(emoji.length).toBe(10000);
    expect(parseFeedback({ ...valid, message: emoji }).success).toBe(true);
    const over = parseFeedback({ ...valid, message: emoji + 'x' });
    expect(over.success).toBe(false);
    if (!over.success) expect(over.issues[0]).toMatchObject({ path: ['message'], code: 'too_big', limit: 5000 });
  });

  it('keeps emoji, combining marks and right-to-left text unchanged', () => {
    const message = 'e\u0301 🇩🇪 👩‍👩‍👧 שלום مرحبا';
    const result = parseFeedback({ ...valid, message });
    expect(result.success && result.data.message).toBe(message);
  });

  it('refuses anonymous feedback that carries a user', () => {
    expect(parseFeedback({ ...valid, anonymous: true }).success).toBe(false);
  });

  it.each([
    ['consent alone', { mayContact: true }],
    ['a name and consent', { name: 'Ann', mayContact: true }],
    ['an email and consent', { email: 'a@example.com', mayContact: true }],
  ])('accepts a contact with %s: email is optional', (_, contact) => {
    expect(parseFeedbackInput({ message: 'hi', contact }).success).toBe(true);
    const wire = parseFeedback({ ...valid, contact });
    expect(wire.success && wire.data.contact).toEqual(contact);
  });

  it('counts a message after trimming and keeps the trimmed text', () => {
    const text = 'x'.repeat(MESSAGE_MAX_LENGTH);
    const parsed = parseFeedback({ ...valid, message: `\n ${text} \n` });
    expect(parsed.success && parsed.data.message).toBe(text);
    expect(parseFeedbackInput({ message: `\t${text}\r\n` }).success).toBe(true);
    const over = parseFeedback({ ...valid, message: ` ${text}x ` });
    expect(over.success).toBe(false);
    if (!over.success) expect(over.issues[0]).toMatchObject({ path: ['message'], code: 'too_big', limit: MESSAGE_MAX_LENGTH });
    expect(messageLength(' 👍 ok\n')).toBe(4);
  });

  it.each([
    ['id', 'not-a-uuid'],
    ['schemaVersion', 2],
    ['createdAt', 'yesterday'],
    ['audience', 'partner'],
    ['category', ''],
    ['urgency', 'urgent'],
    ['metadata', { nested: { no: 1 } }],
  ])('rejects a bad %s', (field, value) => {
    const result = parseFeedback({ ...valid, [field]: value });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.issues[0]!.path[0]).toBe(field);
  });

  it('drops unknown fields', () => {
    const parsed = parseFeedback({ ...valid, extra: 1 });
    expect(parsed.success).toBe(true);
    expect(parsed.success && 'extra' in parsed.data).toBe(false);
  });
});
