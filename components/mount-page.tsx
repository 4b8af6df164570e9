import { render, type ComponentChild } from 'preact';
import { getDb } from '@/lib/db';
import { currentLanguage } from '@/lib/i18n';
import { speakChosen } from '@/lib/i18n/chosen';
import { UpdatedNotice } from './UpdatedNotice';

/**
 * Starts an extension page: speaks the language the user chose (English when the setting
 * cannot be read), marks the document with it for screen readers and hyphenation, then
 * renders the page into `#app`, under the notice that a newer version took the database over.
 */
export async function mountPage(app: ComponentChild): Promise<void> {
  await speakChosen(getDb()).catch(() => undefined);
  document.documentElement.lang = currentLanguage();
  render(
    <>
      <UpdatedNotice db={getDb()} />
      {app}
    </>,
    document.getElementById('app')!,
  );
}
