/**
 * The records both team-sync benches start from (`sync.ts` in Node, `sync-browser.ts` in a
 * Chromium profile): a brand, a study, an audit, `n` touchpoints and a screenshot of each.
 * Plain data, so a page can take it as it is; each side makes the screenshots' Blobs itself.
 */
import type { Audit, Brand, Evidence, Study, Touchpoint } from '../../lib/model';

/** What a bench profile holds before sync is turned on. */
export interface BenchRecords {
  brand: Brand;
  study: Study;
  audit: Audit;
  touchpoints: Touchpoint[];
  /** Each screenshot but its Blob (the image is the bench's one PNG). */
  evidence: Omit<Evidence, 'blob'>[];
}

/** Builds the records: `shopper` owns the audit, the study uses rubric `rubric`. */
export function benchRecords(
  n: number,
  opts: {
    at: string;
    shopper: string;
    rubric: { id: string; version: number };
    sha256: string;
    mime?: string;
  },
): BenchRecords {
  const { at, shopper, rubric, sha256, mime = 'image/png' } = opts;
  const touchpoints = Array.from({ length: n }, (_, i): Touchpoint => ({
    id: crypto.randomUUID(),
    auditId: 'a1',
    category: 'cart',
    stage: 'purchase',
    channel: 'web',
    source: 'page',
    url: `https://a.example/p/${i}`,
    pageTitle: `Page ${i}`,
    anchor: {
      css: `#item-${i}`,
      text: `Item ${i}`,
      rect: { x: 1, y: 2, width: 30, height: 40 },
      framePath: [],
    },
    scores: { speed: 4, clarity: 3 },
    notes: `note ${i}`,
    createdAt: at,
    updatedAt: at,
  }));
  return {
    brand: {
      id: 'b1',
      name: 'Own',
      role: 'own',
      domains: ['a.example'],
      createdAt: at,
      updatedAt: at,
    },
    study: {
      id: 's1',
      name: 'Bench',
      wave: 'W1',
      waves: ['W1'],
      requireReview: false,
      rubricId: rubric.id,
      rubricVersion: rubric.version,
      brandIds: ['b1'],
      createdAt: at,
      updatedAt: at,
    },
    audit: {
      id: 'a1',
      studyId: 's1',
      brandId: 'b1',
      shopper,
      scenario: 'bench',
      startedAt: at,
      endedAt: null,
      wave: 'W1',
      purpose: 'audit',
      review: 'in_progress',
      createdAt: at,
      updatedAt: at,
    },
    touchpoints,
    evidence: touchpoints.map((tp) => ({
      id: crypto.randomUUID(),
      touchpointId: tp.id,
      mime,
      width: 3,
      height: 2,
      sha256,
      capturedAt: at,
      url: null,
    })),
  };
}
