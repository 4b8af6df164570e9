import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { LanguageSettingField } from './LanguageSetting';
import { RubricsSection } from './RubricsSection';
import { StorageSection } from './StorageSection';
import { StudiesSection } from './StudiesSection';
import { SyncSection } from './SyncSection';

type Tab = 'studies' | 'rubrics';

/** The settings page a lead uses: studies and brands, rubrics. */
export function App() {
  const [tab, setTab] = useState<Tab>(
    new URLSearchParams(location.search).get('tab') === 'rubrics' ? 'rubrics' : 'studies',
  );
  return (
    <>
      <header class="app">
        <h1>{t('options.title')}</h1>
        <nav>
          <button
            aria-current={tab === 'studies' ? 'page' : undefined}
            onClick={() => setTab('studies')}
          >
            {t('options.studies')}
          </button>
          <button
            aria-current={tab === 'rubrics' ? 'page' : undefined}
            onClick={() => setTab('rubrics')}
          >
            {t('options.rubrics')}
          </button>
        </nav>
        <LanguageSettingField />
      </header>
      <main>
        {tab === 'studies' ? (
          <>
            <StudiesSection />
            <StorageSection />
            <SyncSection />
          </>
        ) : (
          <RubricsSection />
        )}
      </main>
    </>
  );
}
