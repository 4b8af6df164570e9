import { askToPersist } from '@/lib/util/storage';
import { SyncStatus } from '@/components/SyncStatus';
import { BackupReminder } from './BackupReminder';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useLiveQuery } from '@/hooks/use-live-query';
import { useSerialWrites } from '@/hooks/use-serial-writes';
import {
  listReturnedAudits,
  listStudyChoices,
  loadActiveAuditView,
  manualDraftOf,
  type KeptManualTouchpoint,
} from '@/lib/audit';
import {
  getActiveAudit,
  getDb,
  getRubric,
  getSetting,
  pinnedRubric,
  setSetting,
  startAudit,
  type StartDraft,
} from '@/lib/db';
import { exportStudyCsv } from '@/lib/export/study-csv';
import { downloadBlob } from '@/lib/util/download';
import { describeProblem, localizeRubric, t } from '@/lib/i18n';
import { caught } from '@/lib/result';
import { brandForHost, claimableHost } from '@/lib/studies/hosts';
import { addCompetitorForHost, claimHostForBrand } from '@/lib/studies/claim-host';
import { sendToBackground } from '@/lib/messaging';
import { ActiveAuditPanel } from './ActiveAuditPanel';
import { findCurrentTab, type CurrentTab } from './current-tab';
import { HostClaim } from './HostClaim';
import { IdlePanel } from './IdlePanel';
import { ManualTouchpoint } from './ManualTouchpoint';
import { ReturnedAudits } from './ReturnedAudits';
import { ReviewSubmit } from './ReviewSubmit';
import { ReauditLeftovers, ReauditList } from './ReauditList';
import { StartAuditForm } from './StartAuditForm';
import { useSubmit } from './use-submit';

type Mode = 'main' | 'start' | 'manual';

/** Builds the study's touchpoints.csv (lib/export/study-csv) and hands it to the downloads. */
async function downloadTouchpointsCsv(studyId: string): Promise<void> {
  const file = await exportStudyCsv(getDb(), studyId, 'touchpoints', new Date());
  if (file) downloadBlob(file.blob, file.fileName);
}

/** Opens an extension page in a new tab and closes the popup. */
export async function openPage(path: string): Promise<void> {
  await browser.tabs.create({ url: new URL(path, location.href).href });
  window.close();
}

/** The toolbar popup: the running audit, or the way to start one. */
export function App() {
  const db = getDb();
  const view = useLiveQuery(() => loadActiveAuditView(db), []);
  const choices = useLiveQuery(() => listStudyChoices(db), []);
  const shopper = useLiveQuery(() => getSetting(db, 'shopperName'), []);
  const returned = useLiveQuery(() => listReturnedAudits(db), []);
  const study = view?.study;
  const rubric = useLiveQuery(
    () =>
      (study ? pinnedRubric(db, study) : getRubric(db, 'default', 1)).then(
        (r) => r && localizeRubric(r),
      ),
    [study?.id, study?.rubricVersion],
  );
  const [tab, setTab] = useState<CurrentTab | null>(null);
  const [mode, setMode] = useState<Mode>('main');
  const [notice, setNotice] = useState<string>();
  const [claimed, setClaimed] = useState<string>();
  // End audit and Submit for review hand the audit in the same way, with the same checks.
  const submitter = useSubmit(view?.audit.id);
  useEffect(() => void findCurrentTab().then(setTab), []);
  // A form left half filled in when the popup closed (an off-page touchpoint, or the start of
  // an audit): the popup opens on it again.
  const [kept, setKept] = useState<KeptManualTouchpoint>();
  const [keptStart, setKeptStart] = useState<StartDraft | null>(null);
  useEffect(() => {
    (async () => {
      const manual = await manualDraftOf(db);
      if (manual) {
        setKept(manual);
        setMode('manual');
        return;
      }
      const start = await getSetting(db, 'startDraft');
      if (!start) return;
      // Kept from before an audit started (the popup closed as it did): not a form any more.
      if (await getActiveAudit(db)) await setSetting(db, 'startDraft', null);
      else {
        setKeptStart(start);
        setMode('start');
      }
    })().catch((error: unknown) => setNotice(describeProblem(caught(error))));
  }, []);
  const startWrites = useSerialWrites((failure) => setNotice(describeProblem(failure)));
  const keepStart = (form: StartDraft | null) =>
    startWrites(() => setSetting(db, 'startDraft', form));

  const host = tab?.host ?? '';
  const unclaimed =
    !!view &&
    !!view.study &&
    !!claimableHost(host) &&
    !brandForHost(view.brands, host) &&
    claimed === undefined;

  const tag = async () => {
    try {
      if (!tab) throw new Error('no tab');
      const started = await sendToBackground('startTaggingInTab', { tabId: tab.id });
      if (!started.ok) throw new Error(describeProblem(started.error));
      if (!started.value.started) throw new Error('the page cannot be scripted');
      window.close();
    } catch (error) {
      // The usual cause is a page the content script cannot run in; the reason is for logs.
      console.warn('[touchpoint-auditor] tagging did not start', error);
      setNotice(t('popup.tagFailed'));
    }
  };
  /** "Visit again": the background opens the page and the tagger there; the popup steps aside. */
  const visit = async (previousId: string) => {
    setNotice(undefined);
    const visited = await sendToBackground('visitAgain', { previousId });
    if (!visited.ok) {
      setNotice(t('popup.reaudit.visitFailed', { message: describeProblem(visited.error) }));
      return;
    }
    window.close();
  };
  /** Runs a button's action; a failure shows in the panel's notice instead of vanishing. */
  const attempt = (action: () => Promise<unknown>) => () => {
    setNotice(undefined);
    action().catch((error: unknown) => setNotice(describeProblem(caught(error))));
  };

  let body;
  if (view === undefined || choices === undefined) {
    body = null;
  } else if (mode === 'start') {
    body = (
      <StartAuditForm
        choices={choices}
        host={host}
        shopper={shopper ?? ''}
        kept={keptStart}
        onChange={keepStart}
        onCancel={() => {
          void keepStart(null);
          setKeptStart(null);
          setMode('main');
        }}
        onStart={async (input) => {
          await startAudit(db, input, new Date());
          await keepStart(null);
          setKeptStart(null);
          // The background registers the tagger now, and runs it in the tabs already open.
          await sendToBackground('auditChanged', {});
          // From the first audit on, the data is worth keeping through storage pressure.
          void askToPersist();
          setMode('main');
        }}
      />
    );
  } else if (mode === 'manual' && view && rubric) {
    body = (
      <ManualTouchpoint
        rubric={rubric}
        kept={kept}
        onDone={() => {
          setKept(undefined);
          setMode('main');
        }}
      />
    );
  } else if (view) {
    body = (
      <>
        <ActiveAuditPanel
          view={view}
          notice={notice}
          onTag={() => void tag()}
          onAddManual={() => setMode('manual')}
          onEnd={() => void submitter.submit('', { ending: true })}
          onExport={attempt(async () => {
            if (view.study) await downloadTouchpointsCsv(view.study.id);
          })}
          onOpenReport={attempt(async () => {
            if (view.study)
              await openPage(`/report.html?study=${encodeURIComponent(view.study.id)}`);
          })}
          onOpenTouchpoints={attempt(async () => {
            if (view.study)
              await openPage(`/touchpoints.html?study=${encodeURIComponent(view.study.id)}`);
          })}
        />
        <ReviewSubmit key={view.audit.id} audit={view.audit} submitter={submitter} />
        <BackupReminder openPage={openPage} />
        <ReauditList audit={view.audit} onVisit={(id) => void visit(id)} />
        {unclaimed && view.study && (
          <HostClaim
            host={host}
            auditBrand={view.brand}
            brands={view.brands}
            onClaim={async (brandId) => {
              const brand = await claimHostForBrand(db, brandId, host, new Date());
              setClaimed(t('popup.claim.saved', { host, brand: brand.name }));
            }}
            onNewCompetitor={async (name) => {
              const brand = await addCompetitorForHost(
                db,
                view.audit.studyId,
                name,
                host,
                new Date(),
              );
              setClaimed(t('popup.claim.saved', { host, brand: brand.name }));
            }}
          />
        )}
        {claimed && (
          <p class="muted small" data-testid="popup-claimed">
            {claimed}
          </p>
        )}
      </>
    );
  } else {
    body = (
      <>
        <IdlePanel choices={choices} host={host} onStart={() => setMode('start')} />
        <ReturnedAudits returned={returned ?? []} />
        <BackupReminder openPage={openPage} />
        <ReauditLeftovers />
      </>
    );
  }

  return (
    <main data-testid="popup">
      <h1>{t('popup.title')}</h1>
      {body}
      <SyncStatus quietWhenOff />
      {rubric && (
        <p class="muted small" data-testid="popup-rubric">
          {t('popup.rubricReady', {
            name: rubric.name,
            version: rubric.version,
            count: rubric.criteria.length,
          })}
        </p>
      )}
    </main>
  );
}
