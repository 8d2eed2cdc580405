#!/usr/bin/env node
// The `hearken-collector` command. A committed file (not one in dist/), so that npm links the
// command at install time, also in a fresh clone of the repository before anything is built.
try {
  await import('../dist/bin.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/bin.js')) throw error;
  console.error('hearken-collector: the collector is not built yet; run `npm run build` in the repository first.');
  process.exitCode = 1;
}
