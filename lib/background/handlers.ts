import {
  brandForHost,
  brandsOfStudy,
  createTouchpoint,
  discardDraft,
  getActiveAudit,
  getDraft,
  getRubric,
  saveDraft,
  tabDraftKey,
  type AuditorDb,
} from '../db';
import { makeDefaultRubric } from '../rubric/default-rubric';
import { fail, ok, type Handlers, type SenderInfo, type TaggerContext } from '../messaging';

/** What the handlers depend on, injected so tests control time and the database. */
export interface HandlerDeps {
  db: AuditorDb;
  now: () => Date;
  version: string;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** The draft key of the sender's tab; pages without a tab (popup) share `manual`. */
function draftKeyOf(sender: SenderInfo): string {
  return sender.tab?.id !== undefined ? tabDraftKey(sender.tab.id) : 'manual';
}

/**
 * The background's message handlers. They keep nothing in memory: every answer is read from
 * the database, so a service worker Chrome stopped and restarted answers the same.
 */
export function createHandlers({ db, now, version }: HandlerDeps): Handlers {
  async function taggerContext(url: string): Promise<TaggerContext> {
    const categories = await db.categories.toArray();
    const audit = (await getActiveAudit(db)) ?? null;
    const study = audit ? ((await db.studies.get(audit.studyId)) ?? null) : null;
    const pinned = study ? await getRubric(db, study.rubricId, study.rubricVersion) : undefined;
    const rubric =
      pinned ?? (await getRubric(db, 'default', 1)) ?? makeDefaultRubric(now().toISOString());
    const brands = study ? await brandsOfStudy(db, study) : [];
    const brand = brands.find((b) => b.id === audit?.brandId) ?? null;
    const onHost = brandForHost(brands, hostOf(url));
    return {
      audit,
      study,
      brand,
      hostBrand: onHost && onHost.id !== brand?.id ? onHost : null,
      rubric,
      categories,
    };
  }

  return {
    ping: async () => ok({ version, rubrics: await db.rubrics.count() }),

    getTaggerContext: async ({ url }) => ok(await taggerContext(url)),

    saveDraft: async ({ form, place }, sender) => {
      const audit = await getActiveAudit(db);
      const updatedAt = now().toISOString();
      await saveDraft(db, {
        tabKey: draftKeyOf(sender),
        auditId: audit?.id ?? null,
        ...form,
        url: place?.url ?? null,
        pageTitle: place?.pageTitle ?? null,
        anchor: place?.anchor ?? null,
        updatedAt,
      });
      return ok({ savedAt: updatedAt });
    },

    getDraft: async (_req, sender) => {
      const d = await getDraft(db, draftKeyOf(sender));
      if (!d) return ok(null);
      const { category, stage, channel, scores, notes, includeFieldValues } = d;
      return ok({
        form: { category, stage, channel, scores, notes, includeFieldValues },
        place: d.url === null ? null : { url: d.url, pageTitle: d.pageTitle ?? '', anchor: d.anchor },
      });
    },

    discardDraft: async (_req, sender) => {
      const key = draftKeyOf(sender);
      const had = (await getDraft(db, key)) !== undefined;
      await discardDraft(db, key);
      return ok({ discarded: had });
    },

    saveTouchpoint: async ({ form, place }, sender) => {
      const audit = await getActiveAudit(db);
      if (!audit) return fail('no-active-audit', 'no audit is running');
      const { includeFieldValues: _mask, ...fields } = form;
      const tp = await createTouchpoint(
        db,
        { ...fields, auditId: audit.id, source: 'page', ...place },
        now(),
      );
      await discardDraft(db, draftKeyOf(sender));
      return ok({ id: tp.id });
    },
  };
}
