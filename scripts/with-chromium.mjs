// Runs a command with CHROME_PATH set to a Chromium (found or installed by find-chromium.mjs).
import { spawnSync } from 'node:child_process';
import { findChromium } from './find-chromium.mjs';

process.env.CHROME_PATH = findChromium();
const [command, ...args] = process.argv.slice(2);
const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32', env: process.env });
process.exit(result.status ?? 1);
