import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../lib/db';
import { syncStatusText } from '../../../lib/i18n/sync-status';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const status = (s: Partial<SyncStatus>): SyncStatus => ({
  state: 'ok',
  at: NOW.toISOString(),
  lastSyncedAt: null,
  ...s,
});

describe('syncStatusText', () => {
  it.each([
    [false, null, 0, 'Team sync is off.'],
    [true, null, 0, 'syncing…'],
    [
      true,
      status({ lastSyncedAt: '2026-12-01T09:58:00.000Z' }),
      3,
      'synced 2 minutes ago · 3 waiting',
    ],
    [true, status({ lastSyncedAt: '2026-12-01T09:59:50.000Z' }), 0, 'synced now'],
    [true, status({ state: 'ok' }), 1, 'not synced yet · 1 waiting'],
    [
      true,
      status({ state: 'unauthorized', lastSyncedAt: '2026-12-01T09:00:00.000Z' }),
      0,
      'not syncing: the server refused the user name or password',
    ],
    [
      true,
      status({ state: 'no-database' }),
      2,
      'not syncing: the database does not exist on the server · 2 waiting',
    ],
  ])('enabled %s, %j, %i waiting → %s', (enabled, s, waiting, text) => {
    expect(syncStatusText(enabled, s, waiting, NOW)).toBe(text);
  });

  it('says when an offline profile tries again', () => {
    const text = syncStatusText(
      true,
      status({ state: 'offline', retryAt: '2026-12-01T10:00:08.000Z' }),
      4,
      NOW,
    );
    expect(text).toMatch(
      /^not syncing: the server cannot be reached \(next try at .+\) · 4 waiting$/,
    );
  });
});
