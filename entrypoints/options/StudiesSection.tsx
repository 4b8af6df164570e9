import { t } from '@/lib/i18n';

/** Options page: studies and brands. (Built by the studies issue.) */
export function StudiesSection() {
  return <h2>{t('options.studies')}</h2>;
}
