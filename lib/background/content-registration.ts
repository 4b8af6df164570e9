import type { FrameTransport } from '../messaging';

/**
 * The one place that decides whether the tagger runs in pages (docs/ARCHITECTURE.md#stealth):
 * its content script is registered while an audit runs and unregistered when none does, so a
 * page browsed outside an audit gets nothing of the extension. On start it is also run in the
 * tabs already open, and the extension command runs it on demand in the active tab.
 */

/** The tagger's content script as built (`entrypoints/tagger.content`), run into a tab on demand. */
export const TAGGER_FILE = '/content-scripts/tagger.js';
/** The stub registered for every frame while an audit runs (`entrypoints/stub.content.ts`). */
export const STUB_FILE = '/stub.js';
/** The id the stub's registration goes by. */
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

/** The stub's registration: in every frame, before any page script. */
export const taggerScript: ContentScriptRegistration = {
  id: TAGGER_SCRIPT_ID,
  js: [STUB_FILE],
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
  executeScript(
    injection:
      | { target: ScriptTarget; files: (typeof TAGGER_FILE | typeof STUB_FILE)[] }
      | { target: ScriptTarget; func: () => boolean },
  ): Promise<{ frameId: number; result?: unknown }[]>;
}

/** Where `executeScript` runs: every frame of a tab, or the frames named. */
type ScriptTarget = { tabId: number; allFrames: true } | { tabId: number; frameIds: number[] };

/** Run in a frame: whether the tagger itself runs there (the stub leaves this unset). */
const taggerRuns = (): boolean => (globalThis as { tpaTagger?: true }).tpaTagger === true;

/** What the registration needs of the browser and the database. */
export interface RegistrationIo {
  scripting: ScriptingApi;
  /** Whether an audit runs (lib/db `getActiveAudit`). */
  auditRuns: () => Promise<boolean>;
  /** The open tabs. */
  listTabs: () => Promise<{ id?: number; url?: string }[]>;
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

  /** Runs the stub in every frame of a tab; false when the page cannot be scripted. */
  async function injectStub(tabId: number): Promise<boolean> {
    try {
      await io.scripting.executeScript({ target: { tabId, allFrames: true }, files: [STUB_FILE] });
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Runs the tagger into the frames of a tab that do not run it yet (all of them when tagging
   * first starts there; a frame loaded since, later). False when the page cannot be scripted.
   */
  async function ensureTagger(tabId: number): Promise<boolean> {
    try {
      const frames = await io.scripting.executeScript({
        target: { tabId, allFrames: true },
        func: taggerRuns,
      });
      const missing = frames.filter((f) => f.result !== true).map((f) => f.frameId);
      if (missing.length > 0)
        await io.scripting.executeScript({
          target: { tabId, frameIds: missing },
          files: [TAGGER_FILE],
        });
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Runs the stub in the open tabs, so they can be tagged without a reload; how many it
   * reached. A frame that already has it (or the tagger) keeps the one it has.
   */
  async function injectIntoOpenTabs(): Promise<number> {
    const tabs = await io.listTabs();
    const reached = await Promise.all(
      tabs.map(({ id, url }) => (id === undefined || !canScript(url) ? false : injectStub(id))),
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
     * Starts tagging in a tab (the shortcut in a page, the extension command, the popup),
     * first running the tagger into its frames that lack it (outside an audit it then says
     * so and offers to start one). False when the page cannot be scripted.
     */
    startTaggingIn: (tabId: number, url?: string) =>
      serial(async (): Promise<boolean> => {
        const at = url ?? (await io.listTabs()).find((t) => t.id === tabId)?.url;
        if (!canScript(at) || !(await ensureTagger(tabId))) return false;
        return io.startTagging(tabId);
      }),

    /** Runs the tagger into a tab's frames that lack it (before a capture masks every frame). */
    ensureTagger,
  };
}

/** The registration's calls. */
export type ContentRegistration = ReturnType<typeof createContentRegistration>;

/** What a browser says when a frame has no listener for the extension's messages. */
const NO_RECEIVER = /Receiving end does not exist|Could not establish connection/i;

/**
 * A transport to content scripts that runs the tagger into the tab first when the frame
 * addressed has none (only the stub, or a frame loaded since tagging started there), then
 * asks again. Every message to a frame's tagger goes through it.
 */
export function taggerTransport(
  send: FrameTransport,
  ensureTagger: (tabId: number) => Promise<boolean>,
): FrameTransport {
  return async (tabId, message, frameId) => {
    try {
      return await send(tabId, message, frameId);
    } catch (error) {
      if (!NO_RECEIVER.test(String(error)) || !(await ensureTagger(tabId))) throw error;
      return send(tabId, message, frameId);
    }
  };
}
