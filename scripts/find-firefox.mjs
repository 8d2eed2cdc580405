// Finds a Firefox for the browser tests: FIREFOX_PATH, then firefox-esr / firefox on PATH;
// as root with apt-get, installs Debian's firefox-esr when none is found.
// Firefox is driven over WebDriver BiDi by puppeteer-core; no browser is ever downloaded.
import { findBrowser } from './find-browser.mjs';

export function findFirefox() {
  return findBrowser({
    title: 'Firefox',
    envVar: 'FIREFOX_PATH',
    names: ['firefox-esr', 'firefox'],
    aptPackage: 'firefox-esr',
  });
}

/**
 * Preferences for headless Firefox on a closed network: no update checks, telemetry or other
 * outside requests that would slow a run down or wait for a network that is not there.
 */
export const firefoxPrefs = {
  'app.update.enabled': false,
  'app.update.auto': false,
  'browser.shell.checkDefaultBrowser': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'toolkit.telemetry.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'extensions.update.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
};
