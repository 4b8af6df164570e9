/**
 * Saves a Blob as a file from an extension page: an object URL on a temporary `<a download>`,
 * clicked, then removed. The URL is revoked a little later, once the browser has started
 * reading it (revoking at once can cancel the download in Chromium).
 */
export function downloadBlob(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
