import { t } from '@/lib/i18n';
import type { Study } from '@/lib/model';

/** The report page's list of studies to open, shown when none is chosen yet. */
export function StudyPicker({
  studies,
  heading = t('report.pick'),
}: {
  studies: readonly Study[];
  heading?: string;
}) {
  return (
    <nav class="study-picker" aria-label={heading}>
      <p>{heading}</p>
      <ul>
        {studies.map((s) => (
          <li key={s.id}>
            <a href={`?study=${encodeURIComponent(s.id)}`} data-testid="report-study-link">
              {s.name}
            </a>{' '}
            <span class="muted">{s.wave}</span>
          </li>
        ))}
      </ul>
    </nav>
  );
}
