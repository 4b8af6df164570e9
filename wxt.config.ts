import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Keep the source layout the design fixes: entrypoints/, components/, lib/ at the top level.
  srcDir: '.',
  // Explicit imports read better and lint cleanly; nothing is auto-imported.
  imports: false,
  // WXT_OUT_DIR lets parallel builds (several engineers, one machine) keep apart.
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  manifest: ({ mode, browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage is not used for data (IndexedDB in the extension origin holds everything);
    // tabs + <all_urls> let the background capture the visible tab for evidence;
    // webNavigation finds the frame a touchpoint was tagged in.
    permissions: ['tabs', 'unlimitedStorage', 'webNavigation'],
    host_permissions: ['<all_urls>'],
    commands: {
      'start-tagging': {
        suggested_key: { default: 'Alt+Shift+T' },
        description: '__MSG_commandStartTagging__',
      },
    },
    // End-to-end builds are marked so the tagger opens its shadow root in "open" mode, the
    // only difference from a production build (Playwright cannot pierce closed roots).
    ...(mode === 'e2e' ? { version_name: '0.1.0-e2e' } : {}),
    // Firefox's add-on store needs a stable id; Chrome would warn about the key.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'touchpoint-auditor@touchpoint-auditor.invalid' },
          },
        }
      : {}),
  }),
  vite: () => ({
    plugins: [preact()],
    resolve: {
      alias: [
        // WXT's context posts a message named after the extension's id to every page the
        // content script starts in; ours stays silent (see lib/tagger/quiet-context.ts).
        {
          find: /^wxt\/utils\/content-script-context$/,
          replacement: resolve(import.meta.dirname, 'lib/tagger/quiet-context.ts'),
        },
      ],
    },
    build: { target: 'es2022' },
  }),
});
