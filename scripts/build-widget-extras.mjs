// packages/widget/custom-elements.json, the elements' API (attributes, events, parts, CSS properties)
// read from the class JSDoc, for IDEs, docs and the configuration-reference check.
import { execFileSync } from 'node:child_process';

execFileSync(
  process.execPath,
  ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--litelement', '--quiet',
    '--globs', 'packages/widget/src/feedback/feedback.ts', 'packages/widget/src/form/form.ts', 'packages/widget/src/rating/rating.ts', 'packages/widget/src/events/*.ts',
    '--outdir', 'packages/widget'],
  { stdio: 'inherit' },
);
