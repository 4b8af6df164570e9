import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { downloadBlob, downloadUrl, REVOKE_AFTER_MS } from '@/lib/util/download';

describe('downloadBlob', () => {
  let live: Set<string>;
  let clicked: { href: string; download: string; inDocument: boolean }[];
  const onClick = (e: Event) => {
    const a = e.target as HTMLAnchorElement;
    e.preventDefault();
    clicked.push({ href: a.href, download: a.download, inDocument: a.isConnected });
  };

  beforeEach(() => {
    vi.useFakeTimers();
    live = new Set();
    clicked = [];
    let n = 0;
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => {
      const url = `blob:test/${++n}`;
      live.add(url);
      return url;
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => void live.delete(url));
    document.addEventListener('click', onClick);
  });

  afterEach(() => {
    document.removeEventListener('click', onClick);
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('clicks a link to the file under its name, and leaves no link behind', () => {
    downloadBlob(new Blob(['a,b\r\n']), 'touchpoints.csv');
    expect(clicked).toEqual([
      { href: 'blob:test/1', download: 'touchpoints.csv', inDocument: true },
    ]);
    expect(document.querySelectorAll('a')).toHaveLength(0);
  });

  it.each([
    ['at once', 0, true],
    ['a second later (a large file is still being written)', 1_000, true],
    ['just before the delay', REVOKE_AFTER_MS - 1, true],
    ['after the delay', REVOKE_AFTER_MS, false],
  ])('keeps the object URL alive: %s', (_when, ms, alive) => {
    downloadBlob(new Blob(['{}']), 'backup.json');
    vi.advanceTimersByTime(ms);
    expect(live.has('blob:test/1')).toBe(alive);
  });

  it("saves a URL made elsewhere (the archive worker's) under its name, and leaves its revoking to its maker", () => {
    live.add('blob:worker/1');
    downloadUrl('blob:worker/1', 'backup.tpa.zip');
    expect(clicked).toEqual([
      { href: 'blob:worker/1', download: 'backup.tpa.zip', inDocument: true },
    ]);
    expect(document.querySelectorAll('a')).toHaveLength(0);
    vi.advanceTimersByTime(REVOKE_AFTER_MS);
    expect(live.has('blob:worker/1')).toBe(true);
  });
});
