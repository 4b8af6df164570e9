// Every unit/data/component test gets a fresh fake browser and an in-memory IndexedDB.
import 'fake-indexeddb/auto';
// Every page's texts, as the pages register them when they load.
import '../../lib/i18n';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  fakeBrowser.reset();
});
