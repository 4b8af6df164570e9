import type { AuditorDb, Draft } from './schema';

/** The key a tab's draft is kept under. */
export const tabDraftKey = (tabId: number): string => `tab:${tabId}`;

/** Saves (replaces) a draft as the shopper types. */
export async function saveDraft(db: AuditorDb, draft: Draft): Promise<void> {
  await db.drafts.put(draft);
}

/** The draft kept for a key, if any. */
export function getDraft(db: AuditorDb, tabKey: string): Promise<Draft | undefined> {
  return db.drafts.get(tabKey);
}

/** Forgets a draft (after Save, or when the shopper discards it). */
export async function discardDraft(db: AuditorDb, tabKey: string): Promise<void> {
  await db.drafts.delete(tabKey);
}
