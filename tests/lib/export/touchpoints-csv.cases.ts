// The study of the touchpoints.csv tests: live, deleted and foreign touchpoints, shuffled, and
// the file every column of every row must come out as.
import type { TouchpointsCsvInput } from '../../../lib/export';
import { audit, brands, rubric, study, touchpoint } from './fixtures';

export const SHA = 'ab'.repeat(32);

export const audits = [
  // Started last: its touchpoints come last although it is listed first.
  audit('a-ru', 'b-ru', '2026-11-22T12:00:00.000Z'),
  audit('a-own', 'b-own', '2026-11-22T09:00:00.000Z', { shopper: 'Nguyễn Văn An' }),
  // 10:30Z: after a-own, before a-ru, although its text sorts after a-ru's.
  audit('a-lv', 'b-lv', '2026-11-22T13:30:00+03:00', { scenario: 'Ļoti laipns, "ātri"' }),
  audit('a-gone', 'b-own', '2026-11-22T08:00:00.000Z', { deleted: true }),
  audit('a-other', 'b-own', '2026-11-22T08:00:00.000Z', { studyId: 'another-study' }),
];

export const touchpoints = [
  touchpoint('tp-ru-1', 'a-ru', '2026-11-22T12:05:00.000Z', {
    notes: 'Доставка быстрая,\nно "дорого"',
    scores: {
      speed: 5,
      clarity: 5,
      effort: 5,
      empathy: 5,
      personalisation: 5,
      trust: 5,
      consistency: 5,
      resolution: 5,
    },
  }),
  touchpoint('tp-own-2', 'a-own', '2026-11-22T09:30:00.000Z', {
    source: 'manual',
    category: 'in_store_visit',
    stage: 'consideration',
    channel: 'in_store',
    url: null,
    pageTitle: null,
    anchor: null,
    notes: '=HYPERLINK("http://evil.example","x")',
    scores: { speed: 'NA' },
  }),
  touchpoint('tp-own-1', 'a-own', '2026-11-22T09:10:00.000Z', {
    notes: 'Trải nghiệm tuyệt vời',
    // (25 + 0 + 0 + 0) / 4 = 6.25 → 6.3 half away from zero.
    scores: { speed: 2, clarity: 1, effort: 1, empathy: 1, trust: 'NA', unknown: 3 },
  }),
  touchpoint('tp-lv-1', 'a-lv', '2026-11-22T13:01:00+03:00', {
    notes: '+1',
    scores: { clarity: 4, effort: 3 },
  }),
  touchpoint('tp-lv-2', 'a-lv', '2026-11-22T10:02:00.000Z', { notes: '-2' }),
  touchpoint('tp-lv-3', 'a-lv', '2026-11-22T10:03:00.000Z', { notes: '@SUM(A1)' }),
  touchpoint('tp-lv-4', 'a-lv', '2026-11-22T10:04:00.000Z', {
    notes: '\tMabilis ang sagot, salamat!',
  }),
  touchpoint('tp-deleted', 'a-own', '2026-11-22T09:20:00.000Z', { deleted: true }),
  touchpoint('tp-of-deleted-audit', 'a-gone', '2026-11-22T08:10:00.000Z'),
  touchpoint('tp-of-other-study', 'a-other', '2026-11-22T08:10:00.000Z'),
  touchpoint('tp-orphan', 'a-missing', '2026-11-22T08:10:00.000Z'),
];

export const input: TouchpointsCsvInput = {
  study,
  rubric,
  brands,
  audits,
  touchpoints,
  evidenceShaByTouchpoint: { 'tp-ru-1': SHA },
};

export const HEADER = [
  ...'study wave audit_id brand brand_role shopper scenario touchpoint_id created_at'.split(' '),
  ...'stage category channel source url page_title selector text score_pct'.split(' '),
  ...'critical_fail evidence_sha256 notes'.split(' '),
  ...'speed clarity effort empathy personalisation trust consistency resolution'
    .split(' ')
    .map((id) => `score_${id}`),
  'review_status',
];

const page = {
  url: 'https://shop.example/vn?q=giày,chạy',
  page_title: 'Giày chạy bộ — Trang chủ',
  selector: 'div#chat > button.open[data-x="1"]',
  text: 'Trò chuyện, ngay',
  stage: 'consideration',
  category: 'live_chat',
  channel: 'chat',
  source: 'page',
};
const own = {
  audit_id: 'a-own',
  brand: 'Giày Việt',
  brand_role: 'own',
  shopper: 'Nguyễn Văn An',
  scenario: 'Bumili ng sapatos bilang bagong customer',
};
const lv = {
  audit_id: 'a-lv',
  brand: 'Ļoti Labi SIA',
  brand_role: 'competitor',
  shopper: 'Maria dela Cruz',
  scenario: 'Ļoti laipns, "ātri"',
};
const ru = {
  audit_id: 'a-ru',
  brand: 'Кроссовки.ру',
  brand_role: 'competitor',
  shopper: 'Maria dela Cruz',
  scenario: 'Bumili ng sapatos bilang bagong customer',
};
const noScores = {
  score_speed: '',
  score_clarity: '',
  score_effort: '',
  score_empathy: '',
  score_personalisation: '',
  score_trust: '',
  score_consistency: '',
  score_resolution: '',
};
const common = {
  study: 'Q4 running shoes, "north"',
  wave: '2026-Q4',
  evidence_sha256: '',
  critical_fail: 'false',
  score_pct: '',
  review_status: 'in_progress',
};

/** Every column of every row, in file order (audit start, then touchpoint creation). */
export const expected: Record<string, string>[] = [
  {
    ...common,
    ...own,
    ...page,
    ...noScores,
    touchpoint_id: 'tp-own-1',
    created_at: '2026-11-22T09:10:00.000Z',
    score_pct: '6.3',
    notes: 'Trải nghiệm tuyệt vời',
    score_speed: '2',
    score_clarity: '1',
    score_effort: '1',
    score_empathy: '1',
    score_trust: 'NA',
  },
  {
    ...common,
    ...own,
    ...noScores,
    touchpoint_id: 'tp-own-2',
    created_at: '2026-11-22T09:30:00.000Z',
    stage: 'consideration',
    category: 'in_store_visit',
    channel: 'in_store',
    source: 'manual',
    url: '',
    page_title: '',
    selector: '',
    text: '',
    notes: `'=HYPERLINK("http://evil.example","x")`,
    score_speed: 'NA',
  },
  {
    ...common,
    ...lv,
    ...page,
    ...noScores,
    touchpoint_id: 'tp-lv-1',
    created_at: '2026-11-22T10:01:00.000Z',
    score_pct: '62.5',
    notes: "'+1",
    score_clarity: '4',
    score_effort: '3',
  },
  {
    ...common,
    ...lv,
    ...page,
    ...noScores,
    touchpoint_id: 'tp-lv-2',
    created_at: '2026-11-22T10:02:00.000Z',
    notes: "'-2",
  },
  {
    ...common,
    ...lv,
    ...page,
    ...noScores,
    touchpoint_id: 'tp-lv-3',
    created_at: '2026-11-22T10:03:00.000Z',
    notes: "'@SUM(A1)",
  },
  {
    ...common,
    ...lv,
    ...page,
    ...noScores,
    touchpoint_id: 'tp-lv-4',
    created_at: '2026-11-22T10:04:00.000Z',
    notes: "'\tMabilis ang sagot, salamat!",
  },
  {
    ...common,
    ...ru,
    ...page,
    touchpoint_id: 'tp-ru-1',
    created_at: '2026-11-22T12:05:00.000Z',
    score_pct: '100',
    evidence_sha256: SHA,
    notes: 'Доставка быстрая,\nно "дорого"',
    score_speed: '5',
    score_clarity: '5',
    score_effort: '5',
    score_empathy: '5',
    score_personalisation: '5',
    score_trust: '5',
    score_consistency: '5',
    score_resolution: '5',
  },
];
