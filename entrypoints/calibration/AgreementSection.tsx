import {
  ALPHA_FLOOR,
  DEVIATION_LIMIT,
  deviationsFromMedian,
  splittingItems,
} from '@/lib/calibration/agreement';
import type { CalibrationView } from '@/lib/calibration/round';
import { buildCalibrationCsv } from '@/lib/export/calibration-csv';
import { csvOptionsFromSettings } from '@/lib/export/study-csv';
import { exportFileName } from '@/lib/export/file-name';
import { getDb } from '@/lib/db';
import { t } from '@/lib/i18n';
import { downloadBlob } from '@/lib/util/download';
import { DeviationChart } from './DeviationChart';
import { fixed, signed } from './format';

/** How the page names an item: its place in the round and its category. */
export function itemName(view: CalibrationView, key: string): string {
  const index = view.items.findIndex((i) => i.key === key);
  return t('calibration.itemName', { n: index + 1 });
}

/** Agreement per criterion and overall, each shopper's leniency, the chart and the file. */
export function AgreementSection({ view }: { view: CalibrationView }) {
  const { agreement, rubric, scorings } = view;
  const labelOf = (key: string) =>
    key === 'overall'
      ? t('calibration.overall')
      : (rubric.criteria.find((c) => c.id === key)?.label ?? key);
  const exportCsv = async () => {
    const opts = await csvOptionsFromSettings(getDb());
    const text = buildCalibrationCsv({ studyName: view.study.name, agreement, labelOf }, opts);
    downloadBlob(
      new Blob([text], { type: 'text/csv;charset=utf-8' }),
      exportFileName(view.study.name, 'calibration', new Date(), 'csv'),
    );
  };
  if (scorings.length === 0)
    return (
      <section aria-labelledby="agreement-heading">
        <h2 id="agreement-heading">{t('calibration.agreement')}</h2>
        <p data-testid="calibration-empty">{t('calibration.noScorings')}</p>
      </section>
    );
  const rows = [...agreement.criteria, agreement.overall];
  return (
    <section aria-labelledby="agreement-heading">
      <h2 id="agreement-heading">{t('calibration.agreement')}</h2>
      <p class="muted">{t('calibration.alphaHelp', { floor: ALPHA_FLOOR })}</p>
      <table data-testid="calibration-criteria">
        <thead>
          <tr>
            <th scope="col">{t('calibration.col.criterion')}</th>
            <th scope="col">{t('calibration.col.alpha')}</th>
            <th scope="col">{t('calibration.col.items')}</th>
            <th scope="col">{t('calibration.col.raters')}</th>
            <th scope="col">{t('calibration.col.verdict')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const low = r.alpha !== null && r.alpha < ALPHA_FLOOR;
            const split = low && r.key !== 'overall' ? splittingItems(scorings, r.key) : [];
            return (
              <tr
                key={r.key}
                data-testid="calibration-criterion"
                data-key={r.key}
                data-flagged={low}
              >
                <th scope="row">{labelOf(r.key)}</th>
                <td class="num" data-testid="calibration-alpha">
                  {fixed(r.alpha, 3)}
                </td>
                <td class="num">{r.items}</td>
                <td class="num">{r.raters}</td>
                <td>
                  {low ? (
                    <>
                      <span class="flag">{t('calibration.inconsistent')}</span>
                      {split.length > 0 && (
                        <div class="small">
                          {t('calibration.splitBy', {
                            items: split
                              .map((s) =>
                                t('calibration.split', {
                                  item: itemName(view, s.item),
                                  low: s.low,
                                  high: s.high,
                                }),
                              )
                              .join('; '),
                          })}
                        </div>
                      )}
                    </>
                  ) : r.alpha === null ? (
                    t('calibration.tooFew')
                  ) : (
                    t('calibration.consistent')
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h3>{t('calibration.shoppers')}</h3>
      <p class="muted">{t('calibration.deviationHelp', { limit: DEVIATION_LIMIT })}</p>
      <table data-testid="calibration-shoppers">
        <thead>
          <tr>
            <th scope="col">{t('calibration.col.shopper')}</th>
            <th scope="col">{t('calibration.col.deviation')}</th>
            <th scope="col">{t('calibration.col.naRate')}</th>
            <th scope="col">{t('calibration.col.verdict')}</th>
          </tr>
        </thead>
        <tbody>
          {agreement.shoppers.map((s) => {
            const d = s.meanDeviation;
            const verdict =
              d === null
                ? ''
                : d > DEVIATION_LIMIT
                  ? 'lenient'
                  : d < -DEVIATION_LIMIT
                    ? 'harsh'
                    : 'in-line';
            return (
              <tr key={s.shopper} data-testid="calibration-shopper" data-verdict={verdict}>
                <th scope="row">{s.shopper}</th>
                <td class="num">{signed(d, 2)}</td>
                <td class="num">{s.naRate === null ? '—' : `${Math.round(s.naRate * 100)} %`}</td>
                <td class={verdict === 'in-line' ? '' : 'flag'}>
                  {verdict === 'lenient'
                    ? t('calibration.lenient')
                    : verdict === 'harsh'
                      ? t('calibration.harsh')
                      : verdict === 'in-line'
                        ? t('calibration.inLine')
                        : t('calibration.tooFew')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <DeviationChart
        view={view}
        points={deviationsFromMedian(
          scorings,
          rubric.criteria.map((c) => c.id),
        )}
      />
      <p class="no-print">
        <button type="button" data-testid="calibration-export" onClick={() => void exportCsv()}>
          {t('calibration.export')}
        </button>
      </p>
    </section>
  );
}
