import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EvidenceImage } from '../../entrypoints/report/EvidenceImage';
import { EvidenceView } from '../../entrypoints/touchpoints/EvidenceView';
import { evidenceFileName } from '../../lib/export/evidence-file';
import type { Evidence } from '../../lib/model';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const evidence = (mime: string, touchpointId = 'tp-1'): Evidence => ({
  id: 'ev-1',
  touchpointId,
  blob: new Blob(['<svg xmlns="http://www.w3.org/2000/svg"/>'], { type: mime }),
  mime,
  width: 3,
  height: 2,
  sha256: 'ab'.repeat(32),
  capturedAt: '2026-11-22T10:00:00.000Z',
  url: null,
});

/** Every link on the page that would open a blob as a page. */
const blobLinks = () =>
  [...document.querySelectorAll('a[href]')].filter((a) =>
    a.getAttribute('href')!.startsWith('blob:'),
  );

describe('evidence is shown in an <img> and saved, never opened as a page', () => {
  it('touchpoints view: a PNG is an <img> with no link around it; Save downloads a safe name', async () => {
    const clicked: { href: string; download: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push({ href: this.href, download: this.download });
    });
    render(<EvidenceView evidence={evidence('image/png', '../../evil<script>.html')} />);
    await waitFor(() => expect(screen.getByTestId('touchpoint-evidence').tagName).toBe('IMG'));
    expect(blobLinks()).toEqual([]);
    fireEvent.click(screen.getByTestId('touchpoint-evidence-download'));
    expect(clicked).toEqual([
      expect.objectContaining({ download: 'touchpoint-evilscripthtml.png' }),
    ]);
    // Said for what it is: a screenshot to download, and the fingerprint touchpoints.csv names.
    expect(screen.getByTestId('touchpoint-evidence-download').textContent).toBe(
      'Download screenshot',
    );
    expect(screen.getByTitle('ab'.repeat(32)).textContent).toBe(`SHA-256 ${'ab'.repeat(8)}…`);
  });

  it.each(['image/svg+xml', 'text/html'])(
    'touchpoints view: %s evidence from an old database is not drawn, only saved as .bin',
    async (mime) => {
      render(<EvidenceView evidence={evidence(mime)} />);
      await waitFor(() => screen.getByTestId('touchpoint-evidence-download'));
      expect(screen.queryByTestId('touchpoint-evidence')).toBeNull();
      expect(document.querySelector('img')).toBeNull();
      expect(blobLinks()).toEqual([]);
      expect(evidenceFileName(evidence(mime))).toBe('touchpoint-tp-1.bin');
    },
  );

  it('saves a screenshot under its touchpoint_id, with the moment when the touchpoint kept both', () => {
    expect(evidenceFileName(evidence('image/jpeg', 'c0ffee-1'))).toBe('touchpoint-c0ffee-1.jpg');
    expect(evidenceFileName({ ...evidence('image/jpeg', 'c0ffee-1'), moment: 'pick' })).toBe(
      'touchpoint-c0ffee-1-pick.jpg',
    );
    expect(evidenceFileName({ ...evidence('image/webp', 'c0ffee-1'), moment: 'save' })).toBe(
      'touchpoint-c0ffee-1-save.webp',
    );
  });

  it('report: an SVG is not drawn at all; a JPEG is an <img>', async () => {
    const { unmount } = render(<EvidenceImage evidence={evidence('image/svg+xml')} />);
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByTestId('report-evidence')).toBeNull();
    unmount();
    render(<EvidenceImage evidence={evidence('image/jpeg')} />);
    await waitFor(() => expect(screen.getByTestId('report-evidence').tagName).toBe('IMG'));
    expect(blobLinks()).toEqual([]);
  });
});

describe('a touchpoint that changed after its pick', () => {
  it.each([
    ['pick', 'As picked'],
    ['save', 'At Save'],
  ] as const)('touchpoints view: the screenshot taken at the %s says so', async (moment, text) => {
    render(<EvidenceView evidence={{ ...evidence('image/png'), moment }} />);
    await waitFor(() => screen.getByTestId('touchpoint-evidence'));
    expect(screen.getByTestId('touchpoint-evidence-moment').textContent).toBe(text);
  });

  it('touchpoints view: a touchpoint’s one screenshot carries no moment', async () => {
    render(<EvidenceView evidence={evidence('image/png')} />);
    await waitFor(() => screen.getByTestId('touchpoint-evidence'));
    expect(screen.queryByTestId('touchpoint-evidence-moment')).toBeNull();
  });
});
