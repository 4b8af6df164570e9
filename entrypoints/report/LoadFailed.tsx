import { describeProblem, t } from '@/lib/i18n';
import type { Problem } from '@/lib/result';

/** Report page: shown instead of the report when reading it failed, with the reason. */
export function LoadFailed({ problem }: { problem: Problem }) {
  return (
    <main class="report">
      <h1>{t('report.title')}</h1>
      <p role="alert" data-testid="report-failed">
        {t('report.loadFailed', { reason: describeProblem(problem) })}
      </p>
    </main>
  );
}
