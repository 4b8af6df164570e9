import { execSync } from 'node:child_process';
import { findBrowser, INSTALL_HINT } from '../../support/browser';

/**
 * Runs once before the end-to-end files: refuses to go on without a browser (never a silent
 * skip) and builds the extension the tests load.
 */
export default function setup(): void {
  if (!findBrowser()) {
    throw new Error(`End-to-end tests need a Chromium and none was found. ${INSTALL_HINT}`);
  }
  execSync('npx wxt build --mode e2e', { stdio: 'inherit' });
}
