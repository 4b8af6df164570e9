import { t } from '@/lib/i18n';

/** Options page: rubrics and their versions. (Built by the rubric issue.) */
export function RubricsSection() {
  return <h2>{t('options.rubrics')}</h2>;
}
