// Finds a browser executable for the tests: an environment variable, then names on PATH, then
// well-known paths. Run as root with apt-get available, it installs the Debian package when none
// is found. find-chromium.mjs and find-firefox.mjs describe the two engines the tests use.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

function lookup({ envVar, names }) {
  const fromEnv = process.env[envVar];
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  for (const name of names) {
    try {
      return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
    } catch {}
  }
  return names.map((name) => `/usr/bin/${name}`).find((path) => existsSync(path));
}

/**
 * @param {{ title: string, envVar: string, names: string[], aptPackage: string }} browser
 * @returns {string} the executable's path (the process exits with a clear message when there is none)
 */
export function findBrowser(browser) {
  let found = lookup(browser);
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  let hasApt = false;
  try {
    execFileSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' });
    hasApt = true;
  } catch {}
  if (isRoot && hasApt) {
    console.log(`No ${browser.title} found: installing Debian's ${browser.aptPackage} (apt-get install ${browser.aptPackage})…`);
    execFileSync('sh', ['-c', `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${browser.aptPackage} >/dev/null`], { stdio: 'inherit' });
    found = lookup(browser);
    if (found) return found;
  }
  console.error(
    `No ${browser.title} found. Install one (Debian/Ubuntu: \`sudo apt-get install ${browser.aptPackage}\`) or set ${browser.envVar} to its executable.`,
  );
  process.exit(1);
}
