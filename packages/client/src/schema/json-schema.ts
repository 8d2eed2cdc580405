import * as z from 'zod/mini';
import { AUDIENCES, EMAIL, FOLLOW_UP_KEY, FeedbackSchema, ISO_DATE_TIME, RATING_SCALES, URGENCIES } from './feedback.js';
import { MESSAGE_MAX_LENGTH } from './message-length.js';

type JsonSchema = Record<string, unknown> & { properties: Record<string, Record<string, unknown>> };

/**
 * The wire format as JSON Schema (draft 2020-12), for endpoints in any language; shipped as
 * `@hearken/client/feedback.schema.json`. Generated from `FeedbackSchema`; the constraints that the
 * zod schema checks in code (to stay small in browsers) are described here.
 *
 * Both sides apply the same rules (a test runs them over the same payloads): lengths count the
 * string as received, surrounding white space included, except `message`, which counts after
 * trimming (a pattern says so, as `maxLength` cannot); labels (`category`, `site`, tags) need a
 * character that isn't white space; `createdAt` is an RFC 3339 date-time of a day that exists.
 * The result compiles under Ajv's strict mode.
 */
export function feedbackJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(FeedbackSchema, { unrepresentable: 'any', io: 'input' }) as JsonSchema;
  const { properties } = schema;
  // The zod schema's own address pattern (white space around it is trimmed there), so both agree on every address.
  const email = { type: 'string', maxLength: 254, pattern: `^\\s*${EMAIL.source.slice(1, -1).replaceAll('a-z', 'a-zA-Z')}\\s*$` };
  const scales = Object.keys(RATING_SCALES);
  Object.assign(properties, {
    id: { type: 'string', format: 'uuid', pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' },
    schemaVersion: { const: 1 },
    createdAt: { type: 'string', format: 'date-time', pattern: ISO_DATE_TIME.source },
    audience: { type: 'string', enum: [...AUDIENCES] },
    urgency: { type: 'string', enum: [...URGENCIES] },
    message: {
      type: 'string',
      // JSON Schema cannot trim, so the pattern allows any white space around at most MESSAGE_MAX_LENGTH
      // code points that begin and end with another character. Each part has one way to match, so a
      // backtracking engine checks a string in linear time.
      pattern: `^\\s*$|^\\s*\\S(?:[\\s\\S]{0,${MESSAGE_MAX_LENGTH - 2}}\\S)?\\s*$`,
      description: `At most ${MESSAGE_MAX_LENGTH} Unicode code points after trimming surrounding white space; receivers store the trimmed text.`,
    },
    followUp: {
      type: 'object',
      required: ['key'],
      properties: { key: { type: 'string', pattern: FOLLOW_UP_KEY.source, description: 'A random secret (at least 128 bits, base64url) kept by the writer; the endpoint stores only its hash.' } },
    },
    tags: { type: 'array', maxItems: 20, items: { type: 'string', maxLength: 50, pattern: '\\S' } },
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
        properties: { scale: { const: scale }, value: { type: 'integer', minimum, maximum } },
      })),
    },
  });
  for (const label of ['category', 'site']) properties[label] = { type: 'string', maxLength: properties[label]!.maxLength, pattern: '\\S' };
  (properties.contact!.properties as Record<string, unknown>).email = email;
  (properties.user!.properties as Record<string, unknown>).email = email;
  schema.allOf = [
    { anyOf: [{ required: ['message'], properties: { message: { type: 'string', pattern: '\\S' } } }, { required: ['rating'], properties: { rating: { type: 'object' } } }] },
    { if: { required: ['anonymous'], properties: { anonymous: { const: true } } }, then: { not: { anyOf: [{ required: ['user'], properties: { user: { type: 'object' } } }, { required: ['contact'], properties: { contact: { type: 'object' } } }] } } },
  ];
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://hearken.dev/schema/feedback-v1.json',
    title: 'Hearken feedback (schemaVersion 1)',
    description: 'One feedback as POSTed to an endpoint (Content-Type: application/json). Either message or rating is present.',
    ...schema,
  };
}
