// Shared data for the export tests: one study, an own brand and two competitors, text in the
// languages stakeholders read (Vietnamese, Russian, Latvian, Tagalog) and hostile notes.
import type { Audit, Brand, Rubric, Study, Touchpoint } from '../../../lib/model';
import { makeDefaultRubric } from '../../../lib/rubric';

export const T0 = '2026-11-22T10:15:00.000Z';

export const rubric: Rubric = makeDefaultRubric(T0);

/** A rubric with a critical criterion, on a 0–10 scale. */
export const criticalRubric: Rubric = {
  id: 'strict',
  version: 2,
  name: 'Strict',
  scale: { min: 0, max: 10 },
  criteria: [
    { id: 'safety', label: 'Safety', help: '', weight: 1, appliesTo: 'all', critical: true },
    { id: 'speed', label: 'Speed', help: '', weight: 3, appliesTo: 'all', critical: false },
  ],
  createdAt: T0,
  updatedAt: T0,
};

export const study: Study = {
  id: 'study-1',
  name: 'Q4 running shoes, "north"',
  wave: '2026-Q4',
  waves: ['2026-Q4'],
  requireReview: false,
  rubricId: 'default',
  rubricVersion: 1,
  brandIds: ['b-own', 'b-ru', 'b-lv'],
  createdAt: T0,
  updatedAt: T0,
};

const brand = (id: string, name: string, role: Brand['role']): Brand => ({
  id,
  name,
  role,
  domains: [],
  createdAt: T0,
  updatedAt: T0,
});

export const brands: Brand[] = [
  brand('b-own', 'Giày Việt', 'own'),
  brand('b-ru', 'Кроссовки.ру', 'competitor'),
  brand('b-lv', 'Ļoti Labi SIA', 'competitor'),
];

/** Builds an audit; `startedAt` decides its place in the file. */
export function audit(
  id: string,
  brandId: string,
  startedAt: string,
  extra: Partial<Audit> = {},
): Audit {
  return {
    id,
    studyId: study.id,
    brandId,
    shopper: 'Maria dela Cruz',
    scenario: 'Bumili ng sapatos bilang bagong customer',
    startedAt,
    endedAt: null,
    wave: '2026-Q4',
    purpose: 'audit',
    review: 'in_progress',
    createdAt: startedAt,
    updatedAt: startedAt,
    ...extra,
  };
}

/** Builds a page touchpoint; override anything. */
export function touchpoint(
  id: string,
  auditId: string,
  createdAt: string,
  extra: Partial<Touchpoint> = {},
): Touchpoint {
  return {
    id,
    auditId,
    category: 'live_chat',
    stage: 'consideration',
    channel: 'chat',
    source: 'page',
    url: 'https://shop.example/vn?q=giày,chạy',
    pageTitle: 'Giày chạy bộ — Trang chủ',
    anchor: {
      css: 'div#chat > button.open[data-x="1"]',
      text: 'Trò chuyện, ngay',
      rect: { x: 1, y: 2, width: 3, height: 4 },
      framePath: [],
    },
    scores: {},
    notes: '',
    createdAt,
    updatedAt: createdAt,
    ...extra,
  };
}
