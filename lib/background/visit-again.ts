import { loadReauditChecklist } from '../audit/reaudit';
import {
  getActiveAudit,
  getDraft,
  listEvidenceOf,
  saveDraft,
  tabDraftKey,
  type AuditorDb,
  type Draft,
  type PendingReaudit,
} from '../db';
import { fail, ok, sendToFrame, type FrameTransport, type Result } from '../messaging';
import type { Anchor, RelocatedBy, Touchpoint } from '../model';
import { refindAnchorInTab, type ShowAnchorIo } from './show-anchor';

/** What "Visit again" needs from the browser, injected so tests need none. */
export interface VisitIo {
  /** Tabs showing `url` now (its fragment aside). */
  tabsShowing: (url: string) => Promise<number[]>;
  /** Opens `url` in a new tab in front; answers its id. */
  openTab: (url: string) => Promise<number>;
  /** Brings a tab (and its window) to the front. */
  focusTab: (tabId: number) => Promise<void>;
  /** Waits until the tab has loaded (or a time limit passed); answers its URL and title. */
  whenLoaded: (tabId: number) => Promise<{ url: string; title: string }>;
  /** Reaches a tab's frames (shared with "show on page"). */
  frames: ShowAnchorIo;
  /** Sends a message to a tab's top frame. */
  sendToTab: FrameTransport;
  /** The first screenshot of a touchpoint as a small JPEG data URL, or null. */
  thumbnail: (blob: Blob) => Promise<string | null>;
}

/** Visible text as a shopper reads it: line breaks and runs of spaces are layout, not text. */
const normalized = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Whether the element found again shows other text than the one tagged in the earlier wave. */
export function textChangedBetween(before: Anchor, now: Anchor): boolean {
  return normalized(before.text) !== normalized(now.text);
}

/** A whole-page anchor, for a re-audit whose element is gone. */
const wholePage = (title: string): Anchor => ({
  css: 'html',
  text: title.slice(0, 300),
  rect: { x: 0, y: 0, width: 0, height: 0 },
  framePath: [],
  kind: 'page',
});

const openable = (url: string | null): url is string => !!url && /^https?:\/\//i.test(url);

/**
 * The tab to re-audit in: one already showing the URL whose tagger holds no draft (one that
 * does is the shopper's work in progress and is left alone), else a new one.
 */
async function tabFor(db: AuditorDb, io: VisitIo, url: string): Promise<number> {
  for (const tabId of await io.tabsShowing(url)) {
    if (!(await getDraft(db, tabDraftKey(tabId)))) {
      await io.focusTab(tabId);
      return tabId;
    }
  }
  return io.openTab(url);
}

/** Finds the earlier touchpoint's element again in the tab: how, and its anchor now. */
async function relocate(
  io: VisitIo,
  tabId: number,
  old: Touchpoint,
  title: string,
): Promise<{ relocatedBy: RelocatedBy; anchor: Anchor; textChanged?: boolean }> {
  if (!old.anchor) return { relocatedBy: 'none', anchor: wholePage(title) };
  const found = await refindAnchorInTab(io.frames, tabId, old.anchor);
  if (!found.ok || !found.value.anchor) return { relocatedBy: 'none', anchor: wholePage(title) };
  const { matchedBy, anchor } = found.value;
  return { relocatedBy: matchedBy, anchor, textChanged: textChangedBetween(old.anchor, anchor) };
}

/**
 * "Visit again" (docs/ARCHITECTURE.md#re-audits): opens the earlier touchpoint's page, finds
 * its element again frame by frame, keeps the pending re-audit in the tab's draft (the service
 * worker may stop before Save) and opens the tagger there with the element and the earlier
 * category and stage. Refuses a touchpoint that is not on the running audit's checklist.
 */
export async function visitAgain(
  db: AuditorDb,
  io: VisitIo,
  previousId: string,
  now: () => Date,
): Promise<Result<{ tabId: number; relocatedBy: RelocatedBy }>> {
  const audit = await getActiveAudit(db);
  if (!audit) return fail('no-active-audit', 'no audit is running');
  const list = await loadReauditChecklist(db, audit);
  const old = list?.items.find((i) => i.touchpoint.id === previousId)?.touchpoint;
  if (!list || !old || !openable(old.url)) return fail('not-found', 'not on the checklist');

  const tabId = await tabFor(db, io, old.url);
  const loaded = await io.whenLoaded(tabId);
  const found = await relocate(io, tabId, old, loaded.title);
  const [evidence] = await listEvidenceOf(db, old.id);
  const shot = evidence ? await io.thumbnail(evidence.blob).catch(() => null) : null;
  const reaudit: PendingReaudit = {
    previousId: old.id,
    wave: list.previousWave,
    relocatedBy: found.relocatedBy,
    ...(found.textChanged !== undefined && { textChanged: found.textChanged }),
    scores: old.scores,
    shot,
  };
  const draft: Draft = {
    tabKey: tabDraftKey(tabId),
    auditId: audit.id,
    category: old.category,
    stage: old.stage,
    channel: old.channel,
    scores: {},
    notes: '',
    includeFieldValues: false,
    url: loaded.url,
    pageTitle: loaded.title,
    anchor: found.anchor,
    // The tagger saves under this id; the re-audit stays with the draft only while it does.
    touchpointId: crypto.randomUUID(),
    reaudit,
    updatedAt: now().toISOString(),
  };
  await saveDraft(db, draft);
  const started = await sendToFrame({ tabId, frameId: 0 }, 'startTagging', {}, io.sendToTab);
  if (!started.ok) return started;
  return ok({ tabId, relocatedBy: found.relocatedBy });
}
