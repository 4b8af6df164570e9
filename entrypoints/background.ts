import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createHandlers } from '@/lib/background';
import { getDb, seedDefaults } from '@/lib/db';
import { createDispatcher } from '@/lib/messaging';

export default defineBackground(() => {
  const db = getDb();
  const handlers = createHandlers({
    db,
    now: () => new Date(),
    version: browser.runtime.getManifest().version,
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
  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== 'start-tagging' || tab?.id === undefined) return;
    await browser.tabs.sendMessage(tab.id, { channel: 'touchpoint-auditor', type: 'startTagging', payload: {} });
  });
});
