import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { FailureAlert } from '@/components/FailureAlert';
import { FieldProblem } from '@/components/FieldError';
import { SyncStatus } from '@/components/SyncStatus';
import { useAction } from '@/hooks/use-action';
import { useSyncConfig } from '@/hooks/use-sync-state';
import { describeProblem, t, type MessageKey } from '@/lib/i18n';
import { sendToBackground } from '@/lib/messaging';
import { problem, problemsAt, type Problem } from '@/lib/result';
import {
  checkSyncConfig,
  EMPTY_SYNC_CONFIG,
  originPattern,
  serverOrigin,
  SYNC_STORAGE_KEY,
  type SyncConfig,
} from '@/lib/sync';

type Field = 'url' | 'db' | 'user' | 'password';

const FIELDS: {
  field: Field;
  label: MessageKey;
  type: 'url' | 'text' | 'password';
  autocomplete: string;
}[] = [
  { field: 'url', label: 'options.sync.url', type: 'url', autocomplete: 'url' },
  { field: 'db', label: 'options.sync.db', type: 'text', autocomplete: 'off' },
  { field: 'user', label: 'options.sync.user', type: 'text', autocomplete: 'username' },
  {
    field: 'password',
    label: 'options.sync.password',
    type: 'password',
    autocomplete: 'current-password',
  },
];

/**
 * Options: team sync (docs/SYNC.md). The server, database and the user's credentials, kept in
 * the extension's storage (never in the database, a backup or a CSV); turning sync on asks the
 * browser for access to that one server first. While on, the fields are locked: turn it off
 * to point it elsewhere.
 */
export function SyncSection() {
  const config = useSyncConfig();
  const [draft, setDraft] = useState<SyncConfig>(EMPTY_SYNC_CONFIG);
  const [problems, setProblems] = useState<Problem[]>([]);
  // What the user just asked for, shown at once while the browser and storage answer.
  const [wanted, setWanted] = useState<boolean>();
  const { busy, failure, setFailure, run } = useAction();
  useEffect(() => {
    if (config) setDraft(config);
    setWanted(undefined);
  }, [config]);
  if (!config) return null;
  const on = config.enabled;
  const save = (next: SyncConfig) => browser.storage.local.set({ [SYNC_STORAGE_KEY]: next });

  const toggle = (enable: boolean) => {
    setFailure(undefined);
    if (!enable) {
      setWanted(false);
      void run(() => save({ ...config, enabled: false }));
      return;
    }
    const checked = checkSyncConfig(draft);
    if (!checked.ok) {
      setProblems(checked.error);
      setWanted(undefined);
      return;
    }
    setWanted(true);
    setProblems([]);
    // Asked first, inside the click: the browser grants a permission only to a user gesture.
    const asked = browser.permissions.request({ origins: [originPattern(checked.value)] });
    void run(async () => {
      if (!(await asked)) {
        setWanted(undefined);
        setFailure(problem('sync.permission-denied', { origin: serverOrigin(checked.value) }));
        return;
      }
      await save({ ...checked.value, enabled: true });
    });
  };

  return (
    <section class="card" aria-labelledby="sync-title" data-testid="options-sync">
      <h2 id="sync-title">{t('options.sync.title')}</h2>
      <p class="muted">{t('options.sync.intro')}</p>
      {FIELDS.map(({ field, label, type, autocomplete }) => {
        const fieldProblem = problemsAt(problems, field)[0];
        const errorId = `sync-${field}-error`;
        const helpId = field === 'user' ? 'sync-user-help' : undefined;
        return (
          <label key={field}>
            {t(label)}
            <input
              type={type as 'text'}
              value={draft[field]}
              disabled={on || busy}
              autocomplete={autocomplete}
              spellcheck={false}
              data-testid={`sync-${field}`}
              aria-invalid={fieldProblem ? 'true' : undefined}
              aria-describedby={
                [fieldProblem ? errorId : '', helpId ?? ''].filter(Boolean).join(' ') || undefined
              }
              onInput={(e) => setDraft({ ...draft, [field]: e.currentTarget.value })}
            />
            {helpId && (
              <span class="muted small" id={helpId}>
                {t('options.sync.userHelp')}
              </span>
            )}
            <FieldProblem id={errorId} problem={fieldProblem} />
          </label>
        );
      })}
      <label class="check">
        <input
          type="checkbox"
          checked={wanted ?? on}
          disabled={busy}
          data-testid="sync-enable"
          onChange={(e) => toggle(e.currentTarget.checked)}
        />
        {t('options.sync.enable')}
      </label>
      {on && <p class="muted small">{t('options.sync.lockedHelp')}</p>}
      <div class="actions">
        <button
          type="button"
          disabled={!on || busy}
          data-testid="sync-now"
          onClick={() => void run(async () => void (await sendToBackground('syncNow', {})))}
        >
          {t('options.sync.now')}
        </button>
      </div>
      <FailureAlert
        failure={failure}
        testId="sync-failed"
        text={(f) =>
          f.code === 'sync.permission-denied'
            ? t('options.sync.permissionDenied', { origin: String(f.params?.origin ?? '') })
            : t('form.saveFailed', { reason: describeProblem(f) })
        }
      />
      <SyncStatus />
    </section>
  );
}
