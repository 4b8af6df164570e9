import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { ScoreItems } from '../../../entrypoints/calibration/ScoreItems';
import { createRound, loadCalibration, type CalibrationView } from '../../../lib/calibration/round';
import {
  createStudy,
  createTouchpoint,
  endActiveAudit,
  getDb,
  seedDefaults,
  startAudit,
} from '../../../lib/db';
import { pageTag } from '../../lib/db/page-tag';

afterEach(cleanup);

const now = new Date('2026-11-22T10:00:00.000Z');

/** A study with a round of one live chat to score, as the calibration page reads it. */
async function roundOfOne(): Promise<CalibrationView> {
  const db = getDb();
  await seedDefaults(db, now);
  const study = await createStudy(
    db,
    { name: 'Chats', wave: 'W1', rubricId: 'default', rubricVersion: 1, brandIds: ['b'] },
    now,
  );
  const audit = await startAudit(
    db,
    { studyId: study.id, brandId: 'b', shopper: 'Lead', scenario: '' },
    now,
  );
  const tp = await createTouchpoint(
    db,
    pageTag(audit.id, {
      category: 'live_chat',
      stage: 'consideration',
      channel: 'chat',
      url: 'http://shop/',
      pageTitle: 'Shop',
      scores: { speed: 2 },
      notes: '',
    }),
    now,
  );
  await endActiveAudit(db, now);
  await createRound(
    db,
    { studyId: study.id, touchpointIds: [tp.id], lead: 'Lead', scenario: 'Round 1' },
    now,
  );
  return (await loadCalibration(db, study.id))!;
}

/** The page's part: the name field and the items, the name held above them as the page does. */
function Page({ view }: { view: CalibrationView }) {
  const [shopper, setShopper] = useState('');
  return <ScoreItems view={view} shopper={shopper} onShopper={setShopper} />;
}

const choice = (value: number) =>
  screen.getByTestId('calibration-score-speed').querySelector(`[data-value="${value}"]`)!;
const typeName = (name: string) =>
  fireEvent.input(screen.getByTestId('calibration-shopper-name'), { target: { value: name } });

describe('scoring a calibration round', () => {
  it('keeps the scores picked before the shopper typed their name, and saves them', async () => {
    const view = await roundOfOne();
    render(<Page view={view} />);
    fireEvent.click(choice(3));
    expect(choice(3).getAttribute('aria-checked')).toBe('true');
    for (const name of ['A', 'An', 'Ana']) typeName(name);
    expect(choice(3).getAttribute('aria-checked')).toBe('true');

    fireEvent.click(screen.getByTestId('calibration-save'));
    await waitFor(async () => {
      const after = await loadCalibration(getDb(), view.study.id);
      expect(after?.scorings).toMatchObject([{ shopper: 'Ana', scores: { speed: 3 } }]);
    });
  });

  it('once saved, another name shows that shopper’s own scores (none yet)', async () => {
    const view = await roundOfOne();
    render(<Page view={view} />);
    typeName('Ana');
    fireEvent.click(choice(4));
    fireEvent.click(screen.getByTestId('calibration-save'));
    await screen.findByText('Saved.');
    typeName('Bo');
    await waitFor(() => expect(choice(4).getAttribute('aria-checked')).toBe('false'));
    expect(screen.queryByText('Saved.')).toBeNull();
  });
});
