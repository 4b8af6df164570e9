import { describe, expect, it } from 'vitest';
import { measureAgreement, type CalibrationScoring } from '../../../lib/calibration/agreement';

const scoring = (item: string, shopper: string, scores: CalibrationScoring['scores']) => ({
  item,
  shopper,
  scores,
});

describe('agreement among shoppers', () => {
  // Three shoppers, four chats. Ana and Ben agree; Cai scores every chat one point lower and
  // finds friendliness not applicable twice.
  const scorings: CalibrationScoring[] = [
    scoring('chat-1', 'Ana', { speed: 4, friendly: 5 }),
    scoring('chat-1', 'Ben', { speed: 4, friendly: 5 }),
    scoring('chat-1', 'Cai', { speed: 3, friendly: 'NA' }),
    scoring('chat-2', 'Ana', { speed: 2, friendly: 3 }),
    scoring('chat-2', 'Ben', { speed: 2, friendly: 3 }),
    scoring('chat-2', 'Cai', { speed: 1, friendly: 2 }),
    scoring('chat-3', 'Ana', { speed: 5, friendly: 4 }),
    scoring('chat-3', 'Ben', { speed: 5, friendly: 4 }),
    scoring('chat-3', 'Cai', { speed: 4, friendly: 'NA' }),
    scoring('chat-4', 'Ana', { speed: 3 }),
    scoring('chat-4', 'Ben', { speed: 3, friendly: 2 }),
    scoring('chat-4', 'Cai', { speed: 2, friendly: 1 }),
  ];

  it('counts items and raters per criterion and overall', () => {
    const result = measureAgreement(scorings, ['speed', 'friendly']);
    expect(result.criteria.map((r) => [r.key, r.items, r.raters])).toEqual([
      ['speed', 4, 3],
      ['friendly', 4, 3],
    ]);
    expect(result.overall).toMatchObject({ key: 'overall', items: 8, raters: 3 });
    for (const r of [...result.criteria, result.overall]) {
      expect(r.alpha).toBeGreaterThan(0);
      expect(r.alpha).toBeLessThan(1);
    }
  });

  it('finds the harsh shopper and their N/A rate', () => {
    const { shoppers } = measureAgreement(scorings, ['speed', 'friendly']);
    const cai = shoppers.find((s) => s.shopper === 'Cai')!;
    expect(cai.meanDeviation).toBeCloseTo(-1, 9);
    expect(cai.naRate).toBeCloseTo(2 / 8, 9);
    const ana = shoppers.find((s) => s.shopper === 'Ana')!;
    // Ana: +0.5 where Cai (one lower) scored too (5 units), 0 where only Ben did (2 units).
    expect(ana.meanDeviation).toBeCloseTo(2.5 / 7, 9);
    expect(ana.naRate).toBe(0);
  });

  it('gives alpha 1 when everyone agrees and none when fewer than 2 units pair up', () => {
    const same = ['a', 'b', 'c'].flatMap((item, i) =>
      ['Ana', 'Ben'].map((who) => scoring(item, who, { speed: i + 1 })),
    );
    expect(measureAgreement(same, ['speed']).criteria[0]!.alpha).toBeCloseTo(1, 12);
    const one = [scoring('a', 'Ana', { speed: 1 }), scoring('a', 'Ben', { speed: 5 })];
    expect(measureAgreement(one, ['speed']).criteria[0]).toEqual({
      key: 'speed',
      alpha: null,
      items: 1,
      raters: 2,
    });
  });

  it("counts a shopper's later scoring of the same item only", () => {
    const twice = [
      scoring('a', 'Ana', { speed: 1 }),
      scoring('a', 'Ana', { speed: 3 }),
      scoring('a', 'Ben', { speed: 3 }),
    ];
    const { shoppers } = measureAgreement(twice, ['speed']);
    expect(shoppers.find((s) => s.shopper === 'Ana')?.meanDeviation).toBe(0);
  });
});

describe('calibration.csv', () => {
  it('writes criterion, overall and shopper rows with rounded figures', async () => {
    const { buildCalibrationCsv } = await import('../../../lib/export/calibration-csv');
    const scorings: CalibrationScoring[] = ['a', 'b', 'c'].flatMap((item, i) => [
      scoring(item, 'Ana', { speed: i + 2 }),
      scoring(item, 'Ben', { speed: i + 2 }),
      scoring(item, 'Cai', { speed: i + 1, care: 'NA' }),
    ]);
    const text = buildCalibrationCsv(
      {
        studyName: 'Chats',
        agreement: measureAgreement(scorings, ['speed', 'care']),
        labelOf: (key) => ({ speed: 'Speed', care: 'Care', overall: 'Overall' })[key] ?? key,
      },
      { delimiter: ',', bom: false },
    );
    const alpha = measureAgreement(scorings, ['speed']).criteria[0]!.alpha!;
    expect(text.split('\r\n')).toEqual([
      'study,scope,key,label,items,raters,alpha_ordinal,mean_deviation,na_rate',
      `Chats,criterion,speed,Speed,3,3,${Math.round(alpha * 1000) / 1000},,`,
      'Chats,criterion,care,Care,0,0,,,',
      `Chats,overall,overall,Overall,3,3,${Math.round(alpha * 1000) / 1000},,`,
      'Chats,shopper,Ana,Ana,3,3,,0.5,0',
      'Chats,shopper,Ben,Ben,3,3,,0.5,0',
      'Chats,shopper,Cai,Cai,3,3,,-1,0.5',
    ]);
  });
});

describe('what the calibration page points at', () => {
  const scorings: CalibrationScoring[] = [
    scoring('a', 'Ana', { speed: 5 }),
    scoring('a', 'Ben', { speed: 1 }),
    scoring('a', 'Cai', { speed: 4 }),
    scoring('b', 'Ana', { speed: 3 }),
    scoring('b', 'Ben', { speed: 2 }),
    scoring('c', 'Ana', { speed: 2 }),
    scoring('c', 'Ben', { speed: 2 }),
  ];

  it('lists the items that split shoppers most, widest first', async () => {
    const { splittingItems } = await import('../../../lib/calibration/agreement');
    expect(splittingItems(scorings, 'speed')).toEqual([
      { item: 'a', low: 1, high: 5 },
      { item: 'b', low: 2, high: 3 },
    ]);
  });

  it("places each shopper's score against the item's median", async () => {
    const { deviationsFromMedian } = await import('../../../lib/calibration/agreement');
    const found = deviationsFromMedian(scorings, ['speed']);
    expect(found.filter((d) => d.item === 'a')).toEqual([
      { item: 'a', shopper: 'Ana', deviation: 1 },
      { item: 'a', shopper: 'Ben', deviation: -3 },
      { item: 'a', shopper: 'Cai', deviation: 0 },
    ]);
    expect(found.find((d) => d.item === 'b' && d.shopper === 'Ana')?.deviation).toBe(0.5);
  });
});
