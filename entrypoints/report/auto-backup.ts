/**
 * The report page's address asks it to make the backup archive as it opens (the popup's
 * "Back up now"): `report.html?backup=archive`.
 */
export const BACKUP_ON_OPEN = 'backup=archive';

/**
 * Whether this page was opened to make the backup archive. Answers true once: the request is
 * taken out of the address, so a reload (or a second files bar) does not make another.
 */
export function takeBackupRequest(): boolean {
  const url = new URL(location.href);
  if (url.searchParams.get('backup') !== 'archive') return false;
  url.searchParams.delete('backup');
  history.replaceState(history.state, '', url.href);
  return true;
}
