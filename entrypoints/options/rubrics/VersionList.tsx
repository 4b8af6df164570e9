import { t } from '@/lib/i18n';
import type { VersionInfo } from './use-rubrics';

/** Rubrics tab: the versions of the selected rubric, newest last; older ones open read-only. */
export function VersionList(props: {
  versions: VersionInfo[];
  selected: number;
  onSelect: (version: number) => void;
}) {
  const { versions, selected, onSelect } = props;
  const latest = versions[versions.length - 1]?.rubric.version;
  return (
    <nav class="versions" aria-label={t('rubrics.versions')}>
      <span>{t('rubrics.versions')}:</span>
      {versions.map(({ rubric, used, pinnedBy }) => (
        <button
          type="button"
          key={rubric.version}
          data-testid={`rubric-version-${rubric.version}`}
          aria-current={rubric.version === selected ? 'true' : undefined}
          onClick={() => onSelect(rubric.version)}
        >
          {t('rubrics.version', { version: rubric.version })}
          {rubric.version === latest && ` · ${t('rubrics.latest')}`}
          {used && ` · ${t('rubrics.scored')}`}
          {pinnedBy > 0 && ` · ${t('rubrics.pinnedBy', { count: pinnedBy })}`}
        </button>
      ))}
    </nav>
  );
}
