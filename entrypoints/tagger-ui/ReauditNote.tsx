import { t } from '@/lib/i18n/core';
import type { ReauditNote as Note } from '@/lib/messaging/protocol';
import type { Rubric } from '@/lib/model';

/** In the tagger's panel, for "Visit again": the earlier wave's touchpoint, for reference. */
export function ReauditNote({ note, rubric }: { note: Note; rubric: Rubric | undefined }) {
  const scores = (rubric?.criteria ?? [])
    .filter((c) => note.scores[c.id] !== undefined)
    .map((c) => `${c.label} ${note.scores[c.id] === 'NA' ? t('tagger.na') : note.scores[c.id]}`)
    .join(' · ');
  return (
    <div class="reaudit" data-testid="tagger-reaudit" data-relocated-by={note.relocatedBy}>
      <strong>{t('tagger.reaudit.title', { wave: note.wave })}</strong>
      <p>
        {t(`tagger.reaudit.${note.relocatedBy}`)}
        {note.textChanged && ` ${t('tagger.reaudit.textChanged')}`}
      </p>
      {note.shot && <img src={note.shot} alt={t('tagger.reaudit.shot', { wave: note.wave })} />}
      {scores && (
        <p data-testid="tagger-reaudit-scores">{t('tagger.reaudit.scores', { scores })}</p>
      )}
    </div>
  );
}
