import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

/** The content security policy of the extension's pages. */
const EXTENSION_PAGES_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "img-src 'self' blob: data:",
  // Team sync talks to a server the user names at run time, which a static policy cannot
  // list: http(s) is allowed, and lib/sync/couch.ts (the only code that fetches) refuses any
  // URL outside the configured database (docs/SYNC.md#network).
  'connect-src http: https:',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

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
    // Records live in IndexedDB in the extension origin, never in storage (which holds only the sync settings);
    // <all_urls> lets the background capture the visible tab for evidence and read tabs' url
    // and title (so no `tabs` permission); webNavigation finds the frame a touchpoint was
    // tagged in. scripting registers the tagger's content script only while an audit runs
    // (outside an audit no page gets anything of the extension) and runs it in the tabs open
    // when one starts, or in the active tab when the shopper asks for it with the command.
    // alarms restarts team sync in a worker Chrome stopped; storage keeps the sync settings
    // (credentials included) out of the database and so out of every backup and CSV.
    permissions: ['unlimitedStorage', 'webNavigation', 'scripting', 'alarms', 'storage'],
    host_permissions: ['<all_urls>'],
    // The extension's own pages load nothing from elsewhere and make no request (evidence is
    // shown from blob: URLs, small icons may be data: URLs). `script-src 'self'` is spelled out
    // because Manifest V3 refuses a policy that would allow more; `worker-src 'self'` because
    // the report page imports backups in a worker built as its own file.
    // WXT writes it as Manifest V2's plain string for Firefox.
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    // The tagger's toolbar and panel are this extension page, framed over the audited page so
    // the shopper's typing and clicks happen outside the page's document (lib/tagger/ui-frame.ts).
    // A page could load a plain web-accessible file to learn the extension is installed; with
    // a dynamic address (a new one every browser session, known only to the extension) it
    // cannot. Firefox's addresses already carry a random id of each installation.
    web_accessible_resources: [
      { resources: ['tagger-ui.html'], matches: ['<all_urls>'], use_dynamic_url: true },
    ],
    commands: {
      'start-tagging': {
        suggested_key: { default: 'Alt+Shift+T' },
        description: '__MSG_commandStartTagging__',
      },
    },
    // End-to-end builds are marked so the tagger opens its shadow root in "open" mode, the
    // only difference from a production build (Playwright cannot pierce closed roots).
    ...(mode === 'e2e' ? { version_name: '0.1.0-e2e' } : {}),
    // Firefox's add-on store needs a stable id and a statement of the data the add-on
    // collects: none (nothing leaves the browser). Chrome would warn about the key.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'touchpoint-auditor@touchpoint-auditor.invalid',
              data_collection_permissions: { required: ['none'] },
            },
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
    build: { target: 'es2022', sourcemap: process.env.TPA_SOURCEMAP === '1' },
  }),
});
