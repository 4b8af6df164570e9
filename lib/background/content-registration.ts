/**
 * The one place that decides whether the tagger runs in pages (docs/ARCHITECTURE.md#stealth):
 * its content script is registered while an audit runs and unregistered when none does, so a
 * page browsed outside an audit gets nothing of the extension. On start it is also run in the
 * tabs already open, and the extension command runs it on demand in the active tab.
 */

/** The tagger's content script as built (`entrypoints/tagger.content`). */
export const TAGGER_FILE = '/content-scripts/tagger.js';
/** The id the tagger's registration goes by. */
export const TAGGER_SCRIPT_ID = 'tagger';

/** A content script's registration, as `scripting.registerContentScripts` takes it. */
export interface ContentScriptRegistration {
  id: string;
  js: string[];
  matches: string[];
  allFrames: boolean;
  matchOriginAsFallback: boolean;
  runAt: 'document_start';
  world: 'ISOLATED';
  persistAcrossSessions: boolean;
}

/** The tagger's registration: what the manifest declared before it was registered at runtime. */
export const taggerScript: ContentScriptRegistration = {
  id: TAGGER_SCRIPT_ID,
  js: [TAGGER_FILE],
  matches: ['<all_urls>'],
  allFrames: true,
  // The manifest's matchAboutBlank: about:blank and srcdoc frames take their parent's origin.
  matchOriginAsFallback: true,
  // Before any page script, so the event guard comes first.
  runAt: 'document_start',
  world: 'ISOLATED',
  persistAcrossSessions: true,
};

/** The part of `browser.scripting` used here; the browser's, or a fake in tests. */
export interface ScriptingApi {
  getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<{ id: string }[]>;
  registerContentScripts(scripts: ContentScriptRegistration[]): Promise<unknown>;
  unregisterContentScripts(filter?: { ids?: string[] }): Promise<unknown>;
  executeScript(injection: {
    target: { tabId: number; allFrames?: boolean };
    files: (typeof TAGGER_FILE)[];
  }): Promise<unknown>;
}

/** What the registration needs of the browser and the database. */
export interface RegistrationIo {
  scripting: ScriptingApi;
  /** Whether an audit runs (lib/db `getActiveAudit`). */
  auditRuns: () => Promise<boolean>;
  /** The open tabs. */
  listTabs: () => Promise<{ id?: number; url?: string }[]>;
  /** Whether the top frame of a tab already runs the tagger (it answers a message). */
  hasTagger: (tabId: number) => Promise<boolean>;
  /** Asks the top frame of a tab to start tagging; false when no tagger answered. */
  startTagging: (tabId: number) => Promise<boolean>;
}

// Chrome refuses to script its own pages and the extension stores; other schemes (file:,
// data:) need permissions the extension does not ask for.
const STORES = ['chromewebstore.google.com', 'chrome.google.com', 'addons.mozilla.org'];

/** Whether the extension may run a script in a page at `url` (http and https, not a store). */
export function canScript(url: string | undefined): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    (parsed.protocol === 'http:' || parsed.protocol === 'https:') &&
    !STORES.includes(parsed.hostname)
  );
}

/**
 * Builds the registration. Its calls run one at a time: a worker start and a page's message
 * may ask at once, and registering the same id twice fails.
 */
export function createContentRegistration(io: RegistrationIo) {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  /** Runs the tagger in every frame of a tab; false when the page cannot be scripted. */
  async function inject(tabId: number): Promise<boolean> {
    try {
      await io.scripting.executeScript({
        target: { tabId, allFrames: true },
        files: [TAGGER_FILE],
      });
      return true;
    } catch {
      return false;
    }
  }

  /** Runs the tagger in the open tabs that do not have it yet; how many it reached. */
  async function injectIntoOpenTabs(): Promise<number> {
    const tabs = await io.listTabs();
    const reached = await Promise.all(
      tabs.map(async ({ id, url }) => {
        // A tab the command already gave the tagger must not run a second one.
        if (id === undefined || !canScript(url) || (await io.hasTagger(id))) return false;
        return inject(id);
      }),
    );
    return reached.filter(Boolean).length;
  }

  return {
    /**
     * Registers the tagger iff an audit runs (worker start, browser start, and whenever a page
     * started, resumed or ended an audit). When it becomes registered, the open tabs get it
     * too, so they can be tagged without a reload; when it is unregistered, pages already
     * open keep theirs until they navigate.
     */
    sync: () =>
      serial(async (): Promise<{ registered: boolean; injected: number }> => {
        const runs = await io.auditRuns();
        const ids = await io.scripting.getRegisteredContentScripts({ ids: [TAGGER_SCRIPT_ID] });
        const registered = ids.some((s) => s.id === TAGGER_SCRIPT_ID);
        if (runs === registered) return { registered, injected: 0 };
        if (!runs) {
          await io.scripting.unregisterContentScripts({ ids: [TAGGER_SCRIPT_ID] });
          return { registered: false, injected: 0 };
        }
        await io.scripting.registerContentScripts([taggerScript]);
        return { registered: true, injected: await injectIntoOpenTabs() };
      }),

    /**
     * The extension command: starts tagging in a tab, first running the tagger there when the
     * tab has none (no audit runs: the tagger then says so and offers to start one). False
     * when the page cannot be scripted.
     */
    startTaggingIn: (tabId: number, url: string | undefined) =>
      serial(async (): Promise<boolean> => {
        if (await io.startTagging(tabId)) return true;
        if (!canScript(url) || !(await inject(tabId))) return false;
        return io.startTagging(tabId);
      }),
  };
}

/** The registration's calls. */
export type ContentRegistration = ReturnType<typeof createContentRegistration>;
