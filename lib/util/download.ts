/** How long an object URL outlives the click that starts its download. */
export const REVOKE_AFTER_MS = 60_000;

/**
 * Saves a Blob as a file from an extension page (no network involved): an object URL on a
 * temporary `<a download>`, clicked, then removed. The URL is revoked only after
 * `REVOKE_AFTER_MS`: Chromium reads a download's object URL while the file is being written,
 * and revoking it sooner (at once, or a second later for a large file) can cancel the download.
 */
export function downloadBlob(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  downloadUrl(url, fileName, doc);
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

/**
 * Saves the file behind an object URL made elsewhere (by a worker, which keeps it alive for
 * `REVOKE_AFTER_MS`): the same temporary `<a download>`, clicked, then removed.
 */
export function downloadUrl(url: string, fileName: string, doc: Document = document): void {
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  doc.body.append(link);
  link.click();
  link.remove();
}
