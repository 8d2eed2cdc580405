// After rollup: files generated from the built code.
// - packages/client/feedback.schema.json, the wire format as JSON Schema, from the zod schema.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import * as z from 'zod/mini';

const { FeedbackSchema, MESSAGE_MAX_LENGTH } = await import('../packages/client/dist/index.js');
const schema = z.toJSONSchema(FeedbackSchema, { unrepresentable: 'any', io: 'input' });
// The length rule is a refinement (code points), which zod cannot express; JSON Schema's maxLength counts code points too.
schema.properties.message.maxLength = MESSAGE_MAX_LENGTH;
schema.properties.createdAt.format = 'date-time';
schema.properties.metadata = {
  type: 'object',
  maxProperties: 50,
  propertyNames: { maxLength: 100 },
  additionalProperties: { anyOf: [{ type: 'string', maxLength: 1000 }, { type: 'number' }, { type: 'boolean' }] },
};
schema.$id = 'https://hearken.dev/schema/feedback-v1.json';
schema.title = 'Hearken feedback (schemaVersion 1)';
schema.description = 'One feedback as POSTed to an endpoint. Either message or rating is present. Rating values: stars 1-5, nps 0-10, thumbs 0-1, emoji 1-5. anonymous=true carries no user and no contact.';
await writeFile('packages/client/feedback.schema.json', JSON.stringify(schema, null, 2) + '\n');

if (existsSync('scripts/build-widget-extras.mjs')) await import('./build-widget-extras.mjs');
