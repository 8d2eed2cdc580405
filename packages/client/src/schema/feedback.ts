import * as z from 'zod/mini';
import { MESSAGE_MAX_LENGTH, messageLength } from './message-length.js';

// zod/mini never evaluates generated code; saying so also keeps full zod (if a host bundles it)
// from probing `new Function`, which a strict CSP reports as a violation.
z.config({ jitless: true });

/** ISO 8601 date-time with `Z` or an offset, e.g. `2026-11-26T10:00:00.000Z`. */
const ISO_DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/;

const text = (max: number) => z.string().check(z.trim(), z.maxLength(max));
const label = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

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
    scale: z.enum(Object.keys(RATING_SCALES) as [RatingScale, ...RatingScale[]]),
    value: z.number().check(z.int()),
  })
  .check(
    z.refine(({ scale, value }) => value >= RATING_SCALES[scale][0] && value <= RATING_SCALES[scale][1], {
      message: 'rating out of range for its scale',
      path: ['value'],
    }),
  );

export const ContactSchema = z.object({
  email: z.optional(z.email()),
  name: z.optional(text(200)),
  mayContact: z.boolean(),
});

export const UserSchema = z.object({
  id: z.optional(text(200)),
  name: z.optional(text(200)),
  email: z.optional(z.email()),
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
  fillMs: z.optional(z.number().check(z.nonnegative())),
});

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

// A plain check instead of z.record(z.union(…)) saves ≈ 400 bytes gzip in every browser bundle.
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
  urgency: z.optional(z.enum(URGENCIES)),
  audience: z.optional(z.enum(AUDIENCES)),
  site: z.optional(label(200)),
  tags: z.optional(z.array(label(50)).check(z.maxLength(20))),
  metadata: z.optional(z.custom<Metadata>(isMetadata, { message: 'metadata takes up to 50 flat string, number or boolean values' })),
  signals: z.optional(SignalsSchema),
};

type Shape = { message?: string; rating?: unknown; anonymous?: boolean; user?: unknown; contact?: { email?: string; mayContact: boolean } };

const messageOrRating = z.refine<Shape>((f) => Boolean(f.message) || f.rating !== undefined, {
  message: 'a message or a rating is required',
  path: ['message'],
  params: { code: 'required' },
});
const emailToBeContacted = z.refine<Shape>((f) => !f.contact?.mayContact || Boolean(f.contact.email), {
  message: 'an email is required to be contacted',
  path: ['contact', 'email'],
  params: { code: 'required' },
});
// On input, the client drops user and contact of anonymous feedback itself.
const anonymousCarriesNoIdentity = z.refine<Shape>((f) => !f.anonymous || (f.user === undefined && f.contact === undefined), {
  message: 'anonymous feedback carries no user and no contact',
  path: ['anonymous'],
});

/** What `client.send()` takes: everything but the fields the client fills itself. */
export const FeedbackInputSchema = z.object(inputShape).check(messageOrRating, emailToBeContacted);

/** One feedback on the wire: the JSON object POSTed to the endpoint. */
export const FeedbackSchema = z
  .object({
    ...inputShape,
    id: z.uuid(),
    schemaVersion: z.literal(1),
    // ISO 8601 with a zone; a plain pattern costs far fewer bytes than z.iso.datetime().
    createdAt: z.string().check(z.regex(ISO_DATE_TIME)),
    audience: z.enum(AUDIENCES),
    category: label(64),
    anonymous: z.boolean(),
    context: z.optional(ContextSchema),
  })
  .check(messageOrRating, emailToBeContacted, anonymousCarriesNoIdentity);

export type Rating = z.infer<typeof RatingSchema>;
export type Contact = z.infer<typeof ContactSchema>;
export type User = z.infer<typeof UserSchema>;
export type PageContext = z.infer<typeof ContextSchema>;
export type Signals = z.infer<typeof SignalsSchema>;
/** What `client.send()` takes. */
export type FeedbackInput = z.input<typeof FeedbackInputSchema>;
/** One feedback as sent on the wire. */
export type Feedback = z.infer<typeof FeedbackSchema>;
