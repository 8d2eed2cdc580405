import * as z from 'zod/mini';
import { AUDIENCES, FeedbackSchema, FOLLOW_UP_KEY, ISO_DATE_TIME, RATING_SCALES, URGENCIES } from './feedback.js';
import { MESSAGE_MAX_LENGTH } from './message-length.js';

type JsonSchema = Record<string, unknown> & { properties: Record<string, Record<string, unknown>> };

/**
 * The wire format as JSON Schema (draft 2020-12), for endpoints in any language; shipped as
 * `@hearken/client/feedback.schema.json`. Generated from `FeedbackSchema`; the constraints that the
 * zod schema checks in code (to stay small in browsers) are described here.
 *
 * Strings are trimmed by the zod schema before their lengths are checked; a JSON Schema validator
 * sees them untrimmed, so it is the looser of the two by surrounding white space only.
 */
export function feedbackJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(FeedbackSchema, { unrepresentable: 'any', io: 'input' }) as JsonSchema;
  const { properties } = schema;
  const email = { type: 'string', format: 'email', maxLength: 254 };
  const scales = Object.keys(RATING_SCALES);
  Object.assign(properties, {
    id: { type: 'string', format: 'uuid', pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' },
    schemaVersion: { const: 1 },
    createdAt: { type: 'string', format: 'date-time', pattern: ISO_DATE_TIME.source },
    audience: { type: 'string', enum: [...AUDIENCES] },
    urgency: { type: 'string', enum: [...URGENCIES] },
    message: { type: 'string', maxLength: MESSAGE_MAX_LENGTH, description: `At most ${MESSAGE_MAX_LENGTH} Unicode code points, after trimming.` },
    followUp: {
      type: 'object',
      required: ['key'],
      properties: { key: { type: 'string', pattern: FOLLOW_UP_KEY.source, description: 'A random secret (at least 128 bits, base64url) kept by the writer; the endpoint stores only its hash.' } },
    },
    tags: { type: 'array', maxItems: 20, items: { type: 'string', minLength: 1, maxLength: 50 } },
    metadata: {
      type: 'object',
      maxProperties: 50,
      propertyNames: { maxLength: 100 },
      additionalProperties: { anyOf: [{ type: 'string', maxLength: 1000 }, { type: 'number' }, { type: 'boolean' }] },
    },
    rating: {
      type: 'object',
      required: ['scale', 'value'],
      properties: { scale: { type: 'string', enum: scales }, value: { type: 'integer' } },
      oneOf: Object.entries(RATING_SCALES).map(([scale, [minimum, maximum]]) => ({
        properties: { scale: { const: scale }, value: { minimum, maximum } },
      })),
    },
  });
  (properties.contact!.properties as Record<string, unknown>).email = email;
  (properties.user!.properties as Record<string, unknown>).email = email;
  schema.allOf = [
    { anyOf: [{ required: ['message'], properties: { message: { pattern: '\\S' } } }, { required: ['rating'] }] },
    { if: { required: ['anonymous'], properties: { anonymous: { const: true } } }, then: { not: { anyOf: [{ required: ['user'] }, { required: ['contact'] }] } } },
    {
      if: { required: ['contact'], properties: { contact: { required: ['mayContact'], properties: { mayContact: { const: true } } } } },
      then: { properties: { contact: { required: ['email'] } } },
    },
  ];
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://hearken.dev/schema/feedback-v1.json',
    title: 'Hearken feedback (schemaVersion 1)',
    description: 'One feedback as POSTed to an endpoint (Content-Type: application/json). Either message or rating is present.',
    ...schema,
  };
}
