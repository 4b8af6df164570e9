import { describe, expect, it } from 'vitest';
import {
  canScript,
  createContentRegistration,
  STUB_FILE,
  taggerScript,
  type ContentScriptRegistration,
  type ScriptingApi,
} from '@/lib/background/content-registration';

/**
 * Open tabs as the fake browser has them: url, and per frame whether the stub and the tagger
 * run there (`tagger: true` is a one-frame tab running the tagger).
 */
type FakeTab = {
  id: number;
  url: string;
  tagger?: boolean;
  frames?: { stub: boolean; tagger: boolean }[];
  scriptable?: boolean;
};

/**
 * A browser with `scripting` kept in memory: registrations (duplicate ids refused, as Chrome
 * does) and tabs whose frames get the stub or the tagger when a file is executed in them (the
 * stub stands down where either runs; a second tagger in a frame is an error) and answer the
 * check for the tagger.
 */
function fakeBrowser(tabs: FakeTab[] = [], auditRuns = false) {
  for (const tab of tabs) tab.frames ??= [{ stub: false, tagger: tab.tagger ?? false }];
  const state = { registered: [] as ContentScriptRegistration[], auditRuns, tabs, runs: 0 };
  const scripting: ScriptingApi = {
    getRegisteredContentScripts: async (filter) =>
      state.registered.filter((s) => !filter?.ids || filter.ids.includes(s.id)),
    registerContentScripts: async (scripts) => {
      for (const s of scripts) {
        if (state.registered.some((r) => r.id === s.id)) throw new Error(`Duplicate id ${s.id}`);
        state.registered.push(s);
      }
    },
    unregisterContentScripts: async (filter) => {
      state.registered = state.registered.filter((s) => filter?.ids && !filter.ids.includes(s.id));
    },
    executeScript: async (injection) => {
      const tab = state.tabs.find((t) => t.id === injection.target.tabId);
      if (!tab || tab.scriptable === false) throw new Error('Cannot access contents of the page');
      const frames = tab.frames!.map((frame, frameId) => ({ frame, frameId }));
      const target = injection.target;
      const chosen =
        'frameIds' in target ? frames.filter((f) => target.frameIds.includes(f.frameId)) : frames;
      if ('func' in injection)
        return chosen.map(({ frame, frameId }) => ({ frameId, result: frame.tagger }));
      state.runs += chosen.length;
      for (const { frame } of chosen) {
        if (injection.files[0] === STUB_FILE) frame.stub ||= !frame.tagger;
        else if (frame.tagger) throw new Error('two taggers in one frame');
        else frame.tagger = true;
      }
      return chosen.map(({ frameId }) => ({ frameId }));
    },
  };
  const started: number[] = [];
  const registration = createContentRegistration({
    scripting,
    auditRuns: async () => state.auditRuns,
    listTabs: async () => state.tabs,
    startTagging: async (id) => {
      const ok = state.tabs.some((t) => t.id === id && t.frames![0]!.tagger);
      if (ok) started.push(id);
      return ok;
    },
  });
  return { state, registration, started };
}

const stubs = (tabs: FakeTab[]) => tabs.map((t) => t.frames!.map((f) => f.stub));
const taggers = (tabs: FakeTab[]) => tabs.map((t) => t.frames!.map((f) => f.tagger));

describe('createContentRegistration().sync', () => {
  it('registers nothing while no audit runs', async () => {
    const { state, registration } = fakeBrowser([
      { id: 1, url: 'https://shop.test/', tagger: false },
    ]);
    expect(await registration.sync()).toEqual({ registered: false, injected: 0 });
    expect(state.registered).toEqual([]);
    expect(stubs(state.tabs)).toEqual([[false]]);
  });

  it('registers the stub when an audit starts and runs it in the open tabs it may script', async () => {
    const { state, registration } = fakeBrowser([
      { id: 1, url: 'https://shop.test/', tagger: false },
      { id: 2, url: 'chrome://settings/', tagger: false },
      { id: 3, url: 'https://chromewebstore.google.com/detail/x', tagger: false },
      { id: 4, url: 'http://blocked.test/', tagger: false, scriptable: false },
    ]);
    state.auditRuns = true;
    expect(await registration.sync()).toEqual({ registered: true, injected: 1 });
    expect(state.registered).toEqual([taggerScript]);
    expect(taggerScript.js).toEqual([STUB_FILE]);
    expect(stubs(state.tabs)).toEqual([[true], [false], [false], [false]]);
    // The tagger itself runs nowhere until the shopper starts tagging.
    expect(taggers(state.tabs)).toEqual([[false], [false], [false], [false]]);
  });

  it('leaves a tab that already runs the tagger (the command gave it) with that one', async () => {
    const { state, registration } = fakeBrowser([{ id: 1, url: 'https://a.test/', tagger: true }]);
    state.auditRuns = true;
    await registration.sync();
    expect(stubs(state.tabs)).toEqual([[false]]);
    expect(taggers(state.tabs)).toEqual([[true]]);
  });

  it('unregisters when the audit ends, and is idempotent', async () => {
    const { state, registration } = fakeBrowser([], true);
    await registration.sync();
    expect(await registration.sync()).toEqual({ registered: true, injected: 0 });
    state.auditRuns = false;
    expect(await registration.sync()).toEqual({ registered: false, injected: 0 });
    expect(state.registered).toEqual([]);
  });

  it('registers once when asked twice at the same time (worker start and a page)', async () => {
    const { state, registration } = fakeBrowser([], true);
    await Promise.all([registration.sync(), registration.sync()]);
    expect(state.registered).toHaveLength(1);
  });

  it('registers at document_start in every frame of every page, in the isolated world', () => {
    expect(taggerScript).toMatchObject({
      matches: ['<all_urls>'],
      allFrames: true,
      matchOriginAsFallback: true,
      runAt: 'document_start',
      world: 'ISOLATED',
      persistAcrossSessions: true,
    });
  });
});

describe('createContentRegistration().startTaggingIn', () => {
  it('starts the tagger already in the tab, running no second copy', async () => {
    const { state, registration, started } = fakeBrowser([
      { id: 1, url: 'https://a.test/', tagger: true },
    ]);
    expect(await registration.startTaggingIn(1, 'https://a.test/')).toBe(true);
    expect(started).toEqual([1]);
    expect(state.runs).toBe(0);
    expect(state.registered).toEqual([]);
  });

  it('runs the tagger into the frames that have only the stub, and only those', async () => {
    const frames = [
      { stub: true, tagger: true },
      { stub: true, tagger: false },
      { stub: true, tagger: false },
    ];
    const { state, registration, started } = fakeBrowser([
      { id: 1, url: 'https://a.test/', frames },
    ]);
    expect(await registration.startTaggingIn(1, 'https://a.test/')).toBe(true);
    expect(taggers(state.tabs)).toEqual([[true, true, true]]);
    expect(state.runs).toBe(2);
    expect(started).toEqual([1]);
  });

  it('runs the tagger in the tab first when it has none (no audit)', async () => {
    const { state, registration, started } = fakeBrowser([
      { id: 1, url: 'https://a.test/', tagger: false },
      { id: 2, url: 'https://b.test/', tagger: false },
    ]);
    expect(await registration.startTaggingIn(1, 'https://a.test/')).toBe(true);
    expect(started).toEqual([1]);
    // Only the tab asked, and nothing registered for pages to come.
    expect(taggers(state.tabs)).toEqual([[true], [false]]);
    expect(state.registered).toEqual([]);
  });

  it('gives up on a page it may not script', async () => {
    const { registration, started } = fakeBrowser([
      { id: 1, url: 'chrome://extensions/', tagger: false },
    ]);
    expect(await registration.startTaggingIn(1, 'chrome://extensions/')).toBe(false);
    expect(started).toEqual([]);
  });
});

describe('canScript', () => {
  it.each([
    ['https://shop.test/cart', true],
    ['http://northwind.localhost:8080/', true],
    ['chrome://newtab/', false],
    ['chrome-extension://abc/popup.html', false],
    ['about:blank', false],
    ['file:///home/a.html', false],
    ['https://chromewebstore.google.com/', false],
    ['https://chrome.google.com/webstore/detail/x', false],
    ['not a url', false],
    [undefined, false],
  ])('%s → %s', (url, expected) => {
    expect(canScript(url)).toBe(expected);
  });
});
