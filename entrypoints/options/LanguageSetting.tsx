import { useEffect, useState } from 'preact/hooks';
import { getDb, getSetting, setSetting } from '@/lib/db';
import { LANGUAGE_NAMES, LANGUAGE_SETTINGS, t, type LanguageSetting } from '@/lib/i18n';

/**
 * The language of every page and of the tagger: `auto` follows the browser. Choosing one
 * stores it and reloads this page in it; other pages and the next panel opened read it when
 * they open, without a reload of the extension.
 */
export function LanguageSettingField() {
  const [value, setValue] = useState<LanguageSetting>();
  useEffect(() => {
    void getSetting(getDb(), 'language').then(setValue);
  }, []);
  if (value === undefined) return null;
  return (
    <label class="language-setting">
      {t('options.language')}{' '}
      <select
        value={value}
        data-testid="options-language"
        onChange={(e) => {
          const chosen = e.currentTarget.value as LanguageSetting;
          setValue(chosen);
          void setSetting(getDb(), 'language', chosen).then(() => location.reload());
        }}
      >
        {LANGUAGE_SETTINGS.map((code) => (
          <option key={code} value={code} lang={code === 'auto' ? undefined : code}>
            {code === 'auto' ? t('options.language.auto') : LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
    </label>
  );
}
