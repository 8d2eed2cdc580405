// After rollup: files generated from the built code.
// - packages/client/feedback.schema.json: the wire format as JSON Schema, for endpoints in any language.
// - packages/widget/custom-elements.json: the elements' API, for IDEs and the docs check.
import { writeFile } from 'node:fs/promises';

const { feedbackJsonSchema } = await import('../packages/client/dist/schema/json-schema.js');
await writeFile('packages/client/feedback.schema.json', JSON.stringify(feedbackJsonSchema(), null, 2) + '\n');

await import('./build-widget-extras.mjs');
