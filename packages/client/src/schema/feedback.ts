import * as z from 'zod/mini';
import { MESSAGE_MAX_LENGTH, messageLength } from './message-length.js';

// zod/mini never evaluates generated code; saying so also keeps full zod (if a host bundles it)
// from probing `new Function`, which a strict CSP reports as a violation.
z.config({ jitless: true });

// Bytes matter here: this schema ships in every browser bundle. Each zod schema class costs a few
// hundred bytes gzip (z.enum ≈ 300, z.array ≈ 400, z.regex ≈ 280, z.uuid/z.email/z.iso more), so
// those constraints are custom checks, a class the schema needs anyway. json-schema.ts describes
// them for feedback.schema.json, and a test holds the two to the same answers.
/** A follow-up key: base64url, 22 (128 bits) to 128 characters. */
export const FOLLOW_UP_KEY = /^[A-Za-z0-9_-]{22,128}$/;

/** A UUID, any version. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An email address as browsers' `<input type=email>` accept it, with a dot in the domain. */
export const EMAIL = /^[\w.!#$%&'*+/=?^`{|}~-]+@[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?(?:\.[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?)+$/i;
/**
 * ISO 8601 date-time with seconds and `Z` or an offset, e.g. `2026-11-26T10:00:00.000Z` (RFC 3339's
 * `date-time`, as JSON Schema's format checks it; no leap second). {@link isCalendarDate} checks the day.
 */
export const ISO_DATE_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** Whether an {@link ISO_DATE_TIME} names a day that exists (no 30 February, 29 February only in leap years). */
export function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
}

/** A string that passes `test`, reported with zod's code for formats. */
const valid = (test: (value: string) => boolean) => z.refine<string>(test, { message: 'invalid format', params: { code: 'invalid_format' } });
/** A string matching `pattern`. */
const matches = (pattern: RegExp) => valid((value) => pattern.test(value));

/** One of `values`. */
const oneOf = <const T extends readonly string[]>(values: T) =>
  z.custom<T[number]>((value) => values.includes(value as T[number]), { message: `expected one of: ${values.join(', ')}` });

// Lengths count the string as received, surrounding white space included, as JSON Schema does;
// then the white space is trimmed off (a message is the exception: see `message` below). A label needs one character that isn't white space.
const email = () => z.string().check(z.maxLength(254), z.trim(), matches(EMAIL));
const text = (max: number) => z.string().check(z.maxLength(max), z.trim());
const label = (max: number) => z.string().check(z.maxLength(max), matches(/\S/), z.trim());

/** The audiences Hearken knows: visitors of a public site, or employees on an intranet. */
export const AUDIENCES = ['external', 'internal'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** The rating scales and the whole numbers each accepts. */
export const RATING_SCALES = {
  stars: [1, 5],
  nps: [0, 10],
  thumbs: [0, 1],
  emoji: [1, 5],
} as const;
export type RatingScale = keyof typeof RATING_SCALES;

/** Urgency of a report, e.g. `high` for broken equipment that stops work. */
export const URGENCIES = ['low', 'normal', 'high'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** Categories offered by default, per audience. Any other non-empty label is accepted too. */
export const DEFAULT_CATEGORIES = {
  external: ['problem', 'idea', 'praise', 'question', 'other'],
  internal: ['problem', 'equipment', 'process', 'idea', 'praise', 'question', 'other'],
} as const satisfies Record<Audience, readonly string[]>;

export const RatingSchema = z
  .object({
    scale: oneOf(Object.keys(RATING_SCALES) as RatingScale[]),
    value: z.number(),
  })
  .check(
    z.refine(({ scale, value }) => Number.isInteger(value) && value >= RATING_SCALES[scale][0] && value <= RATING_SCALES[scale][1], {
      message: 'out of range for the scale',
      path: ['value'],
    }),
  );

/**
 * How the person may be reached, given with their consent. Every part but `mayContact` is
 * optional (DESIGN: `{ email?, name?, mayContact }`): consent without an address is still
 * feedback; whoever answers by mail needs `email` and `mayContact: true` both.
 */
export const ContactSchema = z.object({
  email: z.optional(email()),
  name: z.optional(text(200)),
  mayContact: z.boolean(),
});

export const UserSchema = z.object({
  id: z.optional(text(200)),
  name: z.optional(text(200)),
  email: z.optional(email()),
  department: z.optional(text(200)),
  /** Hex HMAC-SHA256 of the user fields by the host page's server; see the collector's identity check. */
  signature: z.optional(z.string().check(z.maxLength(128))),
});

export const ContextSchema = z.object({
  url: z.optional(text(2048)),
  title: z.optional(text(500)),
  referrer: z.optional(text(2048)),
  locale: z.optional(text(35)),
  userAgent: z.optional(text(500)),
  viewport: z.optional(z.object({ width: z.number(), height: z.number() })),
  timeZone: z.optional(text(64)),
});

/** Signals a form collects against bots: a filled hidden field, and how long filling took. */
export const SignalsSchema = z.object({
  honeypot: z.optional(z.boolean()),
  fillMs: z.optional(z.number()),
});

// Unlike other strings, a message counts after trimming (DESIGN: "trimmed; ≤ 5,000 characters").
const message = z.string().check(
  z.trim(),
  z.refine((value) => messageLength(value) <= MESSAGE_MAX_LENGTH, {
    message: `message longer than ${MESSAGE_MAX_LENGTH} characters`,
    // zod reports this like its own length checks, so a form can translate it by code.
    params: { code: 'too_big', maximum: MESSAGE_MAX_LENGTH },
  }),
);

/** Flat labels for routing and reporting, e.g. `{ plan: 'pro', seats: 12 }`. */
export type Metadata = Record<string, string | number | boolean>;

const isTags = (value: unknown): value is string[] =>
  Array.isArray(value) && value.length <= 20 && value.every((tag) => typeof tag === 'string' && tag.trim().length > 0 && tag.length <= 50);

function isMetadata(value: unknown): value is Metadata {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return (
    entries.length <= 50 &&
    entries.every(
      ([key, item]) =>
        key.length <= 100 &&
        (typeof item === 'boolean' || (typeof item === 'number' && Number.isFinite(item)) || (typeof item === 'string' && item.length <= 1000)),
    )
  );
}

/** Fields a caller may give; the client fills the rest. */
const inputShape = {
  category: z.optional(label(64)),
  message: z.optional(message),
  rating: z.optional(RatingSchema),
  contact: z.optional(ContactSchema),
  user: z.optional(UserSchema),
  anonymous: z.optional(z.boolean()),
  urgency: z.optional(oneOf(URGENCIES)),
  audience: z.optional(oneOf(AUDIENCES)),
  site: z.optional(label(200)),
  tags: z.optional(z.custom<string[]>(isTags, { message: 'up to 20 tags of 1 to 50 characters' })),
  metadata: z.optional(z.custom<Metadata>(isMetadata, { message: 'up to 50 flat values' })),
  signals: z.optional(SignalsSchema),
};

type Shape = { message?: string; rating?: unknown; anonymous?: boolean; user?: unknown; contact?: unknown };

const messageOrRating = z.refine<Shape>((f) => Boolean(f.message) || f.rating !== undefined, {
  message: 'message or rating required',
  path: ['message'],
  params: { code: 'required' },
});
// On input, the client drops user and contact of anonymous feedback itself.
const anonymousCarriesNoIdentity = z.refine<Shape>((f) => !f.anonymous || (f.user === undefined && f.contact === undefined), {
  message: 'anonymous: no user, no contact',
  path: ['anonymous'],
});

/** What `client.send()` takes: everything but the fields the client fills itself. */
export const FeedbackInputSchema = z.object(inputShape).check(messageOrRating);

/** One feedback on the wire: the JSON object POSTed to the endpoint. */
export const FeedbackSchema = z
  .object({
    ...inputShape,
    id: z.string().check(matches(UUID)),
    schemaVersion: z.custom<1>((value) => value === 1),
    createdAt: z.string().check(valid((value) => ISO_DATE_TIME.test(value) && isCalendarDate(value))),
    audience: oneOf(AUDIENCES),
    category: label(64),
    anonymous: z.boolean(),
    context: z.optional(ContextSchema),
    // The writer's secret for the thread (see docs/follow-up.md); endpoints without threads ignore it.
    followUp: z.optional(z.object({ key: z.string().check(matches(FOLLOW_UP_KEY)) })),
  })
  .check(messageOrRating, anonymousCarriesNoIdentity);

export type Rating = z.infer<typeof RatingSchema>;
export type Contact = z.infer<typeof ContactSchema>;
export type User = z.infer<typeof UserSchema>;
export type PageContext = z.infer<typeof ContextSchema>;
export type Signals = z.infer<typeof SignalsSchema>;
/** What `client.send()` takes. */
export type FeedbackInput = z.input<typeof FeedbackInputSchema>;
/** One feedback as sent on the wire. */
export type Feedback = z.infer<typeof FeedbackSchema>;
