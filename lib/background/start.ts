import { browser } from 'wxt/browser';
import { createHandlers } from './handlers';
import { withFrameMasks, type FramesMasked } from './frame-masks';
import { createContentRegistration, taggerTransport } from './content-registration';
import { checkedCapture } from './tab-shot';
import type { ShowAnchorIo } from './show-anchor';
import { browserVisitIo } from './visit-io';
import { captureEvidence, createCaptureQueue, SCREENSHOT_FORMAT } from '../capture';
import { toCovered } from '../capture/redact/summary';
import { getActiveAudit, getDb, seedDefaults } from '../db';
import { createDispatcher, sendToFrame, tabsTransport } from '../messaging';
import { startSync } from './sync-start';
import { onAuditsWritten } from './audit-watch';

/**
 * Starts the background service worker: the database, the capture queue, the message
 * handlers and the listeners. It keeps nothing in memory that must survive: Chrome stops an
 * idle worker, and every handler reads what it needs from the database.
 */
export function startBackground(): void {
  const db = getDb();
  // Spaces captureVisibleTab calls out: Chrome allows two a second.
  const captures = createCaptureQueue();
  // The top frame owns the panel; it starts the pickers of sub-frames itself.
  const topFrame = (tabId: number) => ({ tabId, frameId: 0 });
  const registration = createContentRegistration({
    scripting: browser.scripting,
    auditRuns: async () => (await getActiveAudit(db)) !== undefined,
    listTabs: () => browser.tabs.query({}),
    startTagging: async (tabId) => (await sendToFrame(topFrame(tabId), 'startTagging', {})).ok,
  });
  // Frames run only the stub until tagging starts in their tab: a message for the tagger
  // runs it there first.
  const toTagger = taggerTransport(tabsTransport, registration.ensureTagger);
  const ownPages = browser.runtime.getURL('/');
  const frames: ShowAnchorIo = {
    askFrame: toTagger,
    // The page's frames: the tagger's own UI frame (an extension page) is none of them.
    listFrames: async (tabId) =>
      ((await browser.webNavigation.getAllFrames({ tabId })) ?? []).filter(
        (f) => !f.url.startsWith(ownPages),
      ),
  };
  const sync = startSync(db);
  const handlers = createHandlers({
    db,
    now: () => new Date(),
    version: browser.runtime.getManifest().version,
    uiLanguage: () => browser.i18n.getUILanguage(),
    async capture(req, sender, { maskFields, uncovered, onTaken }) {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return null;
      const tab = await browser.tabs.get(tabId);
      // Only the visible tab can be captured; a background tab would give someone else's page.
      if (!tab.active || tab.windowId === undefined) return null;
      const checked = checkedCapture(
        async (windowId) => (await browser.tabs.query({ active: true, windowId }))[0],
        (windowId) => browser.tabs.captureVisibleTab(windowId, SCREENSHOT_FORMAT),
        tabId,
      );
      let masked: FramesMasked = { counts: [], coveredFrames: 0 };
      const covered = () => toCovered(masked.counts, masked.coveredFrames, uncovered);
      const shoot = async (windowId: number) => {
        const pixels = await checked(windowId);
        onTaken?.(covered());
        return pixels;
      };
      const image = await captureEvidence(shoot, captures, tab.windowId, req, (shot) =>
        withFrameMasks(frames, tabId, { fields: maskFields, uncovered }, shot, (m) => {
          masked = m;
        }),
      );
      return image && { ...image, ...covered() };
    },
    sendToTab: toTagger,
    async openPage(path) {
      await browser.tabs.create({ url: browser.runtime.getURL(path as '/popup.html') });
    },
    showIo: frames,
    visitIo: browserVisitIo(frames, toTagger),
    extensionOrigin: browser.runtime.getURL('/'),
    contentScripts: registration,
    sync,
  });
  const dispatch = createDispatcher(handlers, {
    extensionId: browser.runtime.id,
    log: (reason) => console.warn(`[touchpoint-auditor] ${reason}`),
  });

  // Seeding is idempotent: on install and update, and at every worker start so a message that
  // wakes a fresh worker never races the install event.
  const seeded = seedDefaults(db, new Date()).catch((e: unknown) => console.error(e));
  browser.runtime.onInstalled.addListener(() => {
    void seedDefaults(db, new Date());
  });
  browser.runtime.onMessage.addListener((message, sender) =>
    seeded.then(() => dispatch(message, sender)),
  );
  // Registered iff an audit runs, checked at every worker start (the browser's start included).
  const synced = seeded.then(() => registration.sync()).catch((e: unknown) => console.error(e));
  browser.runtime.onStartup.addListener(() => void synced);
  // And whenever anything writes an audit while this worker runs (team sync pulling one in, a
  // backup merged in the report page, a page of the extension).
  onAuditsWritten(db.name, () => void synced.then(() => registration.sync()));
  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== 'start-tagging' || tab?.id === undefined) return;
    // Outside an audit no page has the tagger: the command runs it in this tab on demand.
    await registration.startTaggingIn(tab.id, tab.url);
  });
}
