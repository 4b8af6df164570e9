import type { CaptureRequest, EvidenceImage } from '../capture/evidence';
import { coveredOf, type Covered } from '../capture/redact/summary';
import type { SensitiveKind } from '../model';
import {
  attachEvidence,
  brandsOfStudy,
  createTouchpointWithEvidence,
  discardDraft,
  getActiveAudit,
  getDraft,
  getRubric,
  getSetting,
  listEvidenceOf,
  pinnedRubric,
  saveDraft,
  tabDraftKey,
  type AuditorDb,
} from '../db';
import { makeDefaultRubric } from '../rubric/default-rubric';
import { localizeRubric, resolveLanguage, setLanguage } from '../i18n';
import { catalogueOf, coreTexts } from '../i18n/all-catalogues';
import { en } from '../i18n/en';
import { enCore } from '../i18n/en-core';
import { pseudoCatalogue } from '../i18n/pseudo';
import {
  contentEnvelope,
  fail,
  ok,
  type FrameTransport,
  type Handlers,
  type SenderInfo,
  type TaggerContext,
  type TouchpointForm,
  type TouchpointPlace,
} from '../messaging';
import { brandForHost } from '../studies/hosts';
import { inferCategory } from '../taxonomy/infer-category';
import { hostOf } from '../util/url';
import { evidenceAtSave, keepPickShot, reusablePick, toPickShot } from './pick-shot';
import type { ContentRegistration } from './content-registration';
import { showAnchorInTab, type ShowAnchorIo } from './show-anchor';
import { visitAgain, type VisitIo } from './visit-again';
import type { SyncLoop } from './sync-loop';
import { createTurns } from './turns';
import { keepManualDraft, MANUAL_DRAFT_KEY } from '../audit/manual-touchpoint';

/** What the handlers depend on, injected so tests control time and the database. */
export interface HandlerDeps {
  db: AuditorDb;
  now: () => Date;
  version: string;
  /**
   * Screenshots the sender's visible tab and crops it (absent in tests without a browser);
   * with `maskFields`, every frame of the tab masks its form fields during the screenshot.
   * `onTaken` hears what the masks covered as soon as the tab's pixels are in hand, before
   * the masks come down and the image is cropped and encoded.
   */
  capture?: (
    req: CaptureRequest,
    sender: SenderInfo,
    opts: {
      maskFields: boolean;
      uncovered: readonly SensitiveKind[];
      onTaken?: (covered: Covered) => void;
    },
  ) => Promise<Shot | null>;
  /** Sends a tagger message to the top frame (`frameId` 0) or every frame of a tab. */
  sendToTab?: FrameTransport;
  /** Opens an extension page in a new tab. */
  openPage?: (path: string) => Promise<void>;
  /** Reaches a tab's frames for "show on page" (absent in tests without a browser). */
  showIo?: ShowAnchorIo;
  /** `chrome-extension://<id>/`: messages only the extension's own pages may send. */
  extensionOrigin?: string;
  /** Opens tabs and reaches their frames for "Visit again" (absent in tests without a browser). */
  visitIo?: VisitIo;
  /** The browser's UI language (`lv-LV`), which the language setting `auto` follows. */
  uiLanguage?: () => string;
  /** Registers the tagger's content script iff an audit runs (absent in tests without a browser). */
  contentScripts?: Pick<ContentRegistration, 'sync' | 'startTaggingIn'>;
  /** Team sync's loop (absent in tests without a browser). */
  sync?: Pick<SyncLoop, 'kick'>;
}

/** A capture and what it covered of the page (docs/REDACTION.md). */
export type Shot = EvidenceImage & Covered;

/** The draft key of the sender's tab; pages without a tab (popup) share `manual`. */
function draftKeyOf(sender: SenderInfo): string {
  return sender.tab?.id !== undefined ? tabDraftKey(sender.tab.id) : 'manual';
}

/**
 * The background's message handlers. They keep nothing in memory: every answer is read from
 * the database, so a service worker Chrome stopped and restarted answers the same.
 */
export function createHandlers({
  db,
  now,
  version,
  capture,
  sendToTab,
  openPage,
  showIo,
  extensionOrigin,
  visitIo,
  uiLanguage = () => 'en',
  contentScripts,
  sync,
}: HandlerDeps): Handlers {
  // A content script (the audited page's side) must not steer other tabs.
  const fromExtensionPage = (sender: SenderInfo) =>
    extensionOrigin === undefined || (sender.url ?? '').startsWith(extensionOrigin);

  /** A screenshot of the sender's tab cropped to `req`, or null when none could be taken. */
  async function shoot(
    req: CaptureRequest,
    sender: SenderInfo,
    maskFields: boolean,
    uncovered: readonly SensitiveKind[] = [],
    onTaken?: (covered: Covered) => void,
  ): Promise<Shot | null> {
    if (!capture) return null;
    const opts = { maskFields, uncovered, ...(onTaken && { onTaken }) };
    return capture(req, sender, opts).catch((e: unknown) => {
      console.warn('[touchpoint-auditor] evidence capture failed', e);
      return null;
    });
  }

  /** Writes the tab's draft; a new pick's draft drops the previous tag's re-audit and capture. */
  async function writeDraft(
    tabKey: string,
    form: TouchpointForm,
    place: TouchpointPlace | null,
    touchpointId: string | undefined,
    updatedAt: string,
  ): Promise<void> {
    const audit = await getActiveAudit(db);
    // A pending re-audit belongs to the tag "Visit again" opened, not to a new pick; so does
    // the capture taken at the pick.
    const kept = await getDraft(db, tabKey);
    const same = kept?.touchpointId === touchpointId;
    const reaudit = same ? kept?.reaudit : undefined;
    const pickShot = same ? kept?.pickShot : undefined;
    await saveDraft(db, {
      tabKey,
      auditId: audit?.id ?? null,
      ...form,
      url: place?.url ?? null,
      pageTitle: place?.pageTitle ?? null,
      anchor: place?.anchor ?? null,
      ...(touchpointId !== undefined && { touchpointId }),
      ...(reaudit && { reaudit }),
      ...(pickShot && { pickShot }),
      updatedAt,
    });
  }

  /**
   * Pick captures still being cropped, encoded and kept with their tab's draft, by draft key.
   * The pick's answer does not wait for that work (the panel opens once the tab's pixels are
   * taken); whatever reads or writes the tab's draft waits for it instead. Only work in flight
   * is kept here: a worker Chrome stops loses it with the capture itself.
   */
  const keeping = new Map<string, Promise<unknown>>();
  const pickKept = (draftKey: string) => keeping.get(draftKey);
  /** A tab's draft is read and written by one message at a time, in the order they came. */
  const inTurn = createTurns();

  /**
   * Captures the pick of `touchpointId` and keeps it with the tab's draft; answers what the
   * capture covered as soon as the tab's pixels are taken (or once it failed).
   */
  function capturePick(
    tabKey: string,
    touchpointId: string,
    req: CaptureRequest,
    sender: SenderInfo,
    form: TouchpointForm,
  ): Promise<Covered> {
    // What the shopper saw as they picked, to compare with the capture at Save.
    const masked = !form.includeFieldValues;
    let answer: (covered: Covered) => void = () => undefined;
    const early = new Promise<Covered>((resolve) => (answer = resolve));
    // The moment the tab was shot, not the one its image was ready.
    let takenAt: Date | null = null;
    const taken = (covered: Covered) => {
      takenAt = now();
      answer(covered);
    };
    const kept = shoot(req, sender, masked, form.uncovered, taken)
      .then(async (image): Promise<Covered> => {
        if (!image) return {};
        const shot = toPickShot(image, touchpointId, masked, takenAt ?? now(), form.uncovered);
        await keepPickShot(db, tabKey, shot);
        return coveredOf(image);
      })
      .catch((e: unknown) => {
        console.warn('[touchpoint-auditor] the pick capture was not kept', e);
        return {};
      });
    const done: Promise<unknown> = kept.finally(() => {
      if (keeping.get(tabKey) === done) keeping.delete(tabKey);
    });
    keeping.set(tabKey, done);
    return Promise.race([early, kept]);
  }

  /** The re-audit "Visit again" left in the tab's draft for touchpoint `id` of `auditId`. */
  async function pendingReaudit(draftKey: string, id: string, auditId: string) {
    const draft = await getDraft(db, draftKey);
    const r = draft?.touchpointId === id && draft.auditId === auditId ? draft.reaudit : undefined;
    if (!r) return {};
    return {
      previousId: r.previousId,
      relocatedBy: r.relocatedBy,
      ...(r.textChanged !== undefined && { textChanged: r.textChanged }),
    };
  }

  async function taggerContext(url: string): Promise<TaggerContext> {
    const categories = await db.categories.toArray();
    const audit = (await getActiveAudit(db)) ?? null;
    const study = audit ? ((await db.studies.get(audit.studyId)) ?? null) : null;
    const pinned = study ? await pinnedRubric(db, study) : undefined;
    const rubric =
      pinned ?? (await getRubric(db, 'default', 1)) ?? makeDefaultRubric(now().toISOString());
    const brands = study ? await brandsOfStudy(db, study) : [];
    const brand = brands.find((b) => b.id === audit?.brandId) ?? null;
    const onHost = brandForHost(brands, hostOf(url));
    const language = resolveLanguage(await getSetting(db, 'language'), uiLanguage());
    const pseudo = await getSetting(db, 'pseudoLocale');
    setLanguage(language, pseudo ? pseudoCatalogue(en) : catalogueOf(language));
    return {
      audit,
      study,
      brand,
      hostBrand: onHost && onHost.id !== brand?.id ? onHost : null,
      rubric: localizeRubric(rubric),
      categories,
      language,
      texts: pseudo ? pseudoCatalogue(enCore) : coreTexts(language),
    };
  }

  return {
    ping: async () => ok({ version, rubrics: await db.rubrics.count() }),

    getTaggerContext: async ({ url }) => ok(await taggerContext(url)),

    guessCategory: async (hints) => ok(inferCategory(hints)),

    saveDraft: ({ form, place, touchpointId, pickCapture }, sender) => {
      const tabKey = draftKeyOf(sender);
      return inTurn(tabKey, async () => {
        // A pick still being kept would otherwise be written over by this save's older copy.
        await pickKept(tabKey);
        const updatedAt = now().toISOString();
        // Written before the capture starts: the pick's shot is then kept into this draft.
        await writeDraft(tabKey, form, place, touchpointId, updatedAt);
        if (pickCapture && touchpointId !== undefined) {
          const covered = await capturePick(tabKey, touchpointId, pickCapture, sender, form);
          return ok({ savedAt: updatedAt, ...covered });
        }
        return ok({ savedAt: updatedAt });
      });
    },

    getDraft: ({ url }, sender) => {
      const key = draftKeyOf(sender);
      return inTurn(key, async () => {
        await pickKept(key);
        let d = await getDraft(db, key);
        if (!d && url) {
          // After a browser restart the tab has a new id: find the draft by where it was tagged.
          const same = (await db.drafts.toArray()).filter(
            (x) => x.url === url && x.tabKey.startsWith('tab:'),
          );
          const newest = same.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
          if (newest) {
            await discardDraft(db, newest.tabKey);
            d = { ...newest, tabKey: key };
            await saveDraft(db, d);
          }
        }
        if (!d) return ok(null);
        const { category, stage, channel, scores, notes, includeFieldValues, touchpointId } = d;
        const pending = d.reaudit;
        const uncovered = d.uncovered?.length ? { uncovered: d.uncovered } : {};
        const shot = d.pickShot?.touchpointId === touchpointId ? d.pickShot : undefined;
        return ok({
          form: { category, stage, channel, scores, notes, includeFieldValues, ...uncovered },
          ...(touchpointId !== undefined && { touchpointId }),
          ...(shot && coveredOf(shot)),
          ...(pending && {
            reaudit: {
              wave: pending.wave,
              relocatedBy: pending.relocatedBy,
              ...(pending.textChanged !== undefined && { textChanged: pending.textChanged }),
              scores: pending.scores,
              shot: pending.shot,
            },
          }),
          place:
            d.url === null ? null : { url: d.url, pageTitle: d.pageTitle ?? '', anchor: d.anchor },
        });
      });
    },

    keepManualDraft: ({ form }) =>
      inTurn(MANUAL_DRAFT_KEY, async () => {
        const kept = await keepManualDraft(db, form, now());
        return kept.ok ? ok({ kept: true }) : kept;
      }),

    discardDraft: (_req, sender) => {
      const key = draftKeyOf(sender);
      return inTurn(key, async () => {
        const had = (await getDraft(db, key)) !== undefined;
        await discardDraft(db, key);
        return ok({ discarded: had });
      });
    },

    saveTouchpoint: ({ id, form, place, capture: wanted }, sender) => {
      const draftKey = draftKeyOf(sender);
      return inTurn(draftKey, async () => {
        // A retry (the reply to the first save was lost): no second capture, no second write.
        const stored = await db.touchpoints.get(id);
        if (stored) {
          await discardDraft(db, draftKey);
          const evidenceId = (await listEvidenceOf(db, id))[0]?.id ?? null;
          return ok({ id, evidenceId, noScreenshot: !!wanted && evidenceId === null });
        }
        const audit = await getActiveAudit(db);
        if (!audit) return fail('no-active-audit', 'no audit is running');
        const pending = await pendingReaudit(draftKey, id, audit.id);
        await pickKept(draftKey);
        const kept = (await getDraft(db, draftKey))?.pickShot;
        const pick = kept?.touchpointId === id ? kept : undefined;
        const masked = !form.includeFieldValues;
        const { includeFieldValues: _mask, uncovered = [], ...fields } = form;
        // A pick captured less than the quota's interval ago is what a new shot would show.
        const reused = !!wanted && reusablePick(pick, masked, now(), uncovered);
        // Capture first, while the tagger keeps its own UI hidden and the fields masked.
        const image = wanted && !reused ? await shoot(wanted, sender, masked, uncovered) : null;
        const shots = evidenceAtSave(wanted ? pick : undefined, image, {
          masked,
          reused,
          url: place.url,
          uncovered,
        });
        const changed = shots.changedAfterPick && { changedAfterPick: true };
        // What the stored screenshot covered: the pick's when it is the one kept.
        const redactions = shots.evidence
          ? reused
            ? pick?.redactions
            : image?.redactions
          : undefined;
        const covered = redactions && { redactions };
        const saved = await createTouchpointWithEvidence(
          db,
          {
            ...fields,
            auditId: audit.id,
            source: 'page',
            ...place,
            ...pending,
            ...changed,
            ...covered,
          },
          shots.evidence,
          now(),
          { id, draftKey, ...(shots.pickEvidence && { pickEvidence: shots.pickEvidence }) },
        );
        const evidenceId = saved.evidence?.id ?? null;
        return ok({
          id,
          evidenceId,
          noScreenshot: !!wanted && evidenceId === null,
          ...changed,
          ...covered,
        });
      });
    },

    retakeEvidence: async ({ id, capture: wanted, includeFieldValues, uncovered }, sender) => {
      const tp = await db.touchpoints.get(id);
      if (!tp || tp.deleted) return fail('not-found', 'no such touchpoint');
      const [had] = await listEvidenceOf(db, id);
      if (had) return ok({ evidenceId: had.id });
      const image = await shoot(wanted, sender, !includeFieldValues, uncovered);
      if (!image) return ok({ evidenceId: null });
      const { sample: _sample, redactions, ...shot } = image;
      const stored = await attachEvidence(db, id, { ...shot, url: tp.url }, now(), redactions);
      return ok({ evidenceId: stored?.id ?? null, ...(stored && redactions && { redactions }) });
    },

    relay: async ({ to, type, payload }, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined || !sendToTab) return ok({ delivered: false });
      const message = contentEnvelope(type, { ...payload, fromFrameId: sender.frameId ?? 0 });
      let frameId = to === 'top' ? 0 : undefined;
      if (to === 'parent') {
        const frames = (await showIo?.listFrames(tabId).catch(() => [])) ?? [];
        const self = frames.find((f) => f.frameId === (sender.frameId ?? 0));
        frameId = Math.max(0, self?.parentFrameId ?? 0);
      }
      await sendToTab(tabId, message, frameId);
      return ok({ delivered: true });
    },

    openExtensionPage: async ({ page }) => {
      if (!openPage) return ok({ opened: false });
      await openPage(`/${page}.html`);
      return ok({ opened: true });
    },

    auditChanged: async (_req, sender) => {
      if (!fromExtensionPage(sender))
        return fail('forbidden-sender', 'only extension pages may start or end an audit');
      if (!contentScripts) return fail('unreachable', 'no browser to register scripts with');
      const { registered } = await contentScripts.sync();
      return ok({ registered });
    },

    startTaggingHere: async (_req, sender) => {
      const tab = sender.tab;
      if (tab?.id === undefined)
        return fail('forbidden-sender', 'only a page of a tab starts tagging');
      if (!contentScripts) return fail('unreachable', 'no browser to run the tagger with');
      return ok({ started: await contentScripts.startTaggingIn(tab.id, tab.url) });
    },

    startTaggingInTab: async ({ tabId }, sender) => {
      if (!fromExtensionPage(sender))
        return fail('forbidden-sender', 'only extension pages may start tagging in a tab');
      if (!contentScripts) return fail('unreachable', 'no browser to run the tagger with');
      return ok({ started: await contentScripts.startTaggingIn(tabId) });
    },

    showAnchorInTab: async ({ tabId, anchor }, sender) => {
      if (!fromExtensionPage(sender))
        return fail('forbidden-sender', 'only extension pages may show an anchor');
      if (!showIo) return fail('unreachable', 'no browser to reach the tab');
      return showAnchorInTab(showIo, tabId, anchor);
    },

    syncNow: async (_req, sender) => {
      if (!fromExtensionPage(sender))
        return fail('forbidden-sender', 'only extension pages may start a sync');
      if (!sync) return fail('unreachable', 'no sync loop in this context');
      sync.kick();
      return ok({ started: true });
    },

    visitAgain: async ({ previousId }, sender) => {
      if (!fromExtensionPage(sender))
        return fail('forbidden-sender', 'only extension pages may visit again');
      if (!visitIo) return fail('unreachable', 'no browser to open a tab');
      return visitAgain(db, visitIo, previousId, now);
    },
  };
}
