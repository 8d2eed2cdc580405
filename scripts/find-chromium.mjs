// Finds a Chromium for the browser tests: CHROME_PATH, then chromium / google-chrome on PATH;
// as root with apt-get, installs Debian's chromium when none is found.
import { findBrowser } from './find-browser.mjs';

export function findChromium() {
  return findBrowser({
    title: 'Chromium',
    envVar: 'CHROME_PATH',
    names: ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'],
    aptPackage: 'chromium',
  });
}

/** Flags for headless Chromium on a closed network, as root. */
export const chromiumArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
