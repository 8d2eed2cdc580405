// packages/widget/custom-elements.json, the elements' API (attributes, events, parts, CSS properties)
// read from the class JSDoc, for IDEs, framework tooling, docs and the configuration-reference check.
// What goes in is set by custom-elements-manifest.config.mjs.
import { execFileSync } from 'node:child_process';

execFileSync(process.execPath, ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--quiet', '--config', 'custom-elements-manifest.config.mjs'], { stdio: 'inherit' });
