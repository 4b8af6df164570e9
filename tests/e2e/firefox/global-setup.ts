import { execSync } from 'node:child_process';
import { findFirefox, FIREFOX_INSTALL_HINT } from '../../support/firefox';

/**
 * Runs once before the Firefox end-to-end files: refuses to go on without Firefox (never a
 * silent skip) and builds the Firefox package the tests install, with the open shadow root of
 * end-to-end builds.
 */
export default function setup(): void {
  if (!findFirefox()) {
    throw new Error(
      `Firefox end-to-end tests need Firefox and none was found. ${FIREFOX_INSTALL_HINT}`,
    );
  }
  execSync('npm run build:firefox -- --mode e2e', { stdio: 'inherit' });
}
