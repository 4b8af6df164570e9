import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, describe, expect, it } from 'vitest';
import { SyncSection } from '../../../entrypoints/options/SyncSection';
import { SYNC_STORAGE_KEY, type SyncConfig } from '../../../lib/sync';

afterEach(cleanup);

/** The browser's permission prompt: remembers what it asked for and answers `grant`. */
function promptAnswering(grant: boolean): { asked: string[][] } {
  const prompt = { asked: [] as string[][] };
  fakeBrowser.permissions.request = async (p: { origins?: string[] }) => {
    prompt.asked.push(p.origins ?? []);
    return grant;
  };
  return prompt;
}

/** Sync set up earlier but off (as a user leaves it after typing the server in). */
async function turnOn() {
  await fakeBrowser.storage.local.set({
    [SYNC_STORAGE_KEY]: {
      url: 'https://couch.example.com:6984',
      db: 'northwind-team',
      user: 'Ana',
      password: 'secret',
      enabled: false,
    } satisfies SyncConfig,
  });
  render(<SyncSection />);
  // The form shows the stored settings once it has read them.
  await waitFor(() =>
    expect((screen.getByTestId('sync-url') as HTMLInputElement).value).toBe(
      'https://couch.example.com:6984',
    ),
  );
  const box = screen.getByTestId('sync-enable') as HTMLInputElement;
  box.checked = true;
  fireEvent.change(box);
}

const stored = async () =>
  (await fakeBrowser.storage.local.get(SYNC_STORAGE_KEY))[SYNC_STORAGE_KEY] as
    SyncConfig | undefined;

describe('turning team sync on', () => {
  it('asks the browser for that one server’s origin, and stays off when refused', async () => {
    const prompt = promptAnswering(false);
    await turnOn();
    expect((await screen.findByTestId('sync-failed')).textContent).toContain(
      'https://couch.example.com:6984',
    );
    expect(prompt.asked).toEqual([['https://couch.example.com:6984/*']]);
    expect((screen.getByTestId('sync-enable') as HTMLInputElement).checked).toBe(false);
    expect((await stored())?.enabled ?? false).toBe(false);
  });

  it('turns sync on for that server once the browser grants it', async () => {
    const prompt = promptAnswering(true);
    await turnOn();
    await waitFor(async () => expect((await stored())?.enabled).toBe(true));
    expect(prompt.asked).toEqual([['https://couch.example.com:6984/*']]);
    expect(await stored()).toMatchObject({
      url: 'https://couch.example.com:6984',
      db: 'northwind-team',
      user: 'Ana',
    });
  });
});
