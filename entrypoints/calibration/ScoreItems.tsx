import { useEffect, useState } from 'preact/hooks';
import { useAskBeforeLeaving } from '@/hooks/use-unsaved-edits';
import { CriterionScore } from '@/components/CriterionScore';
import { FailureAlert } from '@/components/FailureAlert';
import { useAction } from '@/hooks/use-action';
import { useEvidenceUrl } from '@/hooks/use-evidence-url';
import { scoreItem, type CalibrationItem, type CalibrationView } from '@/lib/calibration/round';
import { getDb, setSetting } from '@/lib/db';
import { categoryLabel, t } from '@/lib/i18n';
import type { Evidence, ScoreValue } from '@/lib/model';
import { criteriaFor } from '@/lib/rubric/criteria';

function Shot({ evidence }: { evidence: Evidence }) {
  const url = useEvidenceUrl(evidence);
  return url ? (
    <img
      src={url}
      alt={t('calibration.shotAlt', { width: evidence.width, height: evidence.height })}
    />
  ) : null;
}

/** One item with the shopper's own scores only: nobody sees the others' during a round. */
function ItemCard({
  view,
  item,
  index,
  shopper,
}: {
  view: CalibrationView;
  item: CalibrationItem;
  index: number;
  shopper: string;
}) {
  const mine = view.scorings.find((s) => s.item === item.key && s.shopper === shopper.trim());
  // The scores picked here, once any is (`dirty` until saved); before that, the shopper's saved
  // ones. Picked first and the name typed after, they stay: the name changing shows another
  // shopper's saved scores only where nothing is left unsaved.
  const [edit, setEdit] = useState<{ scores: Record<string, ScoreValue>; dirty: boolean }>();
  const scores = edit?.scores ?? { ...mine?.scores };
  const [saved, setSaved] = useState(false);
  const { busy, failure, run } = useAction();
  useEffect(() => {
    if (edit?.dirty) return;
    setEdit(undefined);
    setSaved(false);
  }, [shopper]);
  useAskBeforeLeaving(!!edit?.dirty);
  const tp = item.touchpoint;
  const change = (id: string, value: ScoreValue | undefined) => {
    const next = { ...scores };
    if (value === undefined) delete next[id];
    else next[id] = value;
    setEdit({ scores: next, dirty: true });
    setSaved(false);
  };
  const save = () =>
    run(async () => {
      setSaved(false);
      await setSetting(getDb(), 'shopperName', shopper.trim());
      await scoreItem(getDb(), item, shopper, scores, new Date());
      setEdit({ scores, dirty: false });
      setSaved(true);
    });
  const headingId = `item-${item.key}`;
  return (
    <article class="item" data-testid="calibration-item" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t('calibration.itemName', { n: index + 1 })} · {categoryLabel(tp.category)}
      </h3>
      {tp.url && <p class="small muted">{tp.url}</p>}
      {item.evidence[0] && <Shot evidence={item.evidence[0]} />}
      {criteriaFor(view.rubric, tp.category).map((c) => (
        <CriterionScore
          key={c.id}
          criterion={c}
          scale={view.rubric.scale}
          value={Object.hasOwn(scores, c.id) ? scores[c.id] : undefined}
          testIdPrefix="calibration"
          onChange={(value) => change(c.id, value)}
        />
      ))}
      <div class="actions">
        <button
          type="button"
          class="primary"
          data-testid="calibration-save"
          disabled={busy || !shopper.trim() || Object.keys(scores).length === 0}
          onClick={() => void save()}
        >
          {t('calibration.save')}
        </button>
        {saved && <span role="status">{t('calibration.saved')}</span>}
      </div>
      <FailureAlert failure={failure} testId="calibration-save-failed" />
    </article>
  );
}

/** Props of {@link ScoreItems}. */
export interface ScoreItemsProps {
  view: CalibrationView;
  shopper: string;
  onShopper: (name: string) => void;
}

/** The shopper's part of a round: their name, then each item to score on their own. */
export function ScoreItems({ view, shopper, onShopper }: ScoreItemsProps) {
  if (view.items.length === 0) return null;
  return (
    <section aria-labelledby="score-heading" class="no-print">
      <h2 id="score-heading">{t('calibration.scoreHeading')}</h2>
      <p class="muted">{t('calibration.scoreHelp')}</p>
      <label>
        {t('calibration.yourName')}
        <input
          data-testid="calibration-shopper-name"
          value={shopper}
          onInput={(e) => onShopper(e.currentTarget.value)}
        />
      </label>
      <div class="items">
        {view.items.map((item, i) => (
          <ItemCard key={item.key} view={view} item={item} index={i} shopper={shopper} />
        ))}
      </div>
    </section>
  );
}
