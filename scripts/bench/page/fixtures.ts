/** Realistic bench data: one own brand, four competitors, ten audits each. */
import { toBackup } from '../../../lib/backup';
import { getDb } from '../../../lib/db';
import type { Audit, Brand, Rubric, Study, Touchpoint } from '../../../lib/model';
import { DEFAULT_CRITERIA } from '../../../lib/rubric/default-rubric';

const CATEGORIES = [
  ['online_ad', 'awareness'],
  ['product_page', 'consideration'],
  ['live_chat', 'consideration'],
  ['newsletter_signup', 'consideration'],
  ['cart', 'purchase'],
  ['checkout_step', 'purchase'],
  ['payment', 'purchase'],
  ['order_confirmation', 'post_purchase'],
  ['returns_refunds', 'post_purchase'],
] as const;
const CRITERIA = DEFAULT_CRITERIA;

/** A study with its brands and audits, and `n` touchpoints spread over the audits. */
export interface BenchData {
  study: Study;
  brands: Brand[];
  audits: Audit[];
  touchpoints: Touchpoint[];
}

/** How the bench study is cut up: brands, waves (oldest first) and audits. */
export interface BenchShape {
  brands: number;
  waves: string[];
  /** Spread evenly over the waves, brand after brand within each. */
  audits: number;
}

/** The scale figures' study: five brands, one wave, fifty audits. */
const ONE_WAVE: BenchShape = { brands: 5, waves: ['2026-Q4'], audits: 50 };

/**
 * Makes the bench data deterministically (seeded by index), ~1 KB per touchpoint, touchpoints
 * dealt to the audits in turn.
 */
export function makeBenchData(
  n: number,
  studyId = 'bench-study',
  shape: BenchShape = ONE_WAVE,
): BenchData {
  const at = '2026-11-22T10:15:00.000Z';
  const names = ['Northwind', 'Contoso', 'Fabrikam', 'Tailspin', 'Wingtip'].slice(0, shape.brands);
  const brands: Brand[] = names.map((name, i) => ({
    id: `${studyId}-brand-${i}`,
    name,
    role: i === 0 ? 'own' : 'competitor',
    domains: [`${name.toLowerCase()}.localhost`],
    createdAt: at,
    updatedAt: at,
  }));
  const study: Study = {
    id: studyId,
    name: `Bench study (${n.toLocaleString('en')} touchpoints)`,
    wave: shape.waves.at(-1)!,
    waves: shape.waves,
    requireReview: false,
    rubricId: 'default',
    rubricVersion: 1,
    brandIds: brands.map((b) => b.id),
    createdAt: at,
    updatedAt: at,
  };
  const perWave = Math.ceil(shape.audits / shape.waves.length);
  const audits: Audit[] = Array.from({ length: shape.audits }, (_, i) => ({
    id: `${studyId}-audit-${i}`,
    studyId,
    brandId: brands[i % brands.length]!.id,
    shopper: `Shopper ${i % 7}`,
    scenario: 'Buy running shoes as a first-time customer and ask a question in chat',
    startedAt: new Date(Date.parse(at) + i * 3_600_000).toISOString(),
    endedAt: null,
    wave: shape.waves[Math.floor(i / perWave)]!,
    purpose: 'audit',
    review: 'in_progress',
    createdAt: at,
    updatedAt: at,
  }));
  const touchpoints: Touchpoint[] = Array.from({ length: n }, (_, i) => {
    const [category, stage] = CATEGORIES[(i * 7) % CATEGORIES.length]!;
    const scores: Touchpoint['scores'] = {};
    CRITERIA.forEach((c, k) => {
      const v = (i * 31 + k * 17) % 6;
      if (v > 0) scores[c] = v;
      else if (k % 2) scores[c] = 'NA';
    });
    return {
      id: `${studyId}-tp-${i}`,
      auditId: audits[i % audits.length]!.id,
      category,
      stage,
      channel: 'web',
      source: 'page',
      ...checkoutPage(i, 200 + (i % 900)),
      scores,
      notes:
        `Touchpoint ${i}: the service fee appeared only at the payment step, "unexpected", costly. `.repeat(
          4,
        ),
      createdAt: new Date(Date.parse(at) + i * 1_000).toISOString(),
      updatedAt: new Date(Date.parse(at) + i * 1_000).toISOString(),
    };
  });
  return { study, brands, audits, touchpoints };
}

/** Where the `i`th bench touchpoint was tagged: a checkout step's button, `y` px down the page. */
export function checkoutPage(
  i: number,
  y: number,
): Pick<Touchpoint, 'url' | 'pageTitle' | 'anchor'> {
  return {
    url: `http://contoso.localhost/checkout.html?step=${i}`,
    pageTitle: 'Checkout — Contoso Sports',
    anchor: {
      css: `#checkout-form > fieldset:nth-child(${i % 7}) > button.primary`,
      text: 'Place order',
      rect: { x: 100, y, width: 240, height: 48 },
      framePath: [],
    },
  };
}

/**
 * Bench data of `n` touchpoints in study `import-study`, the seeded default rubric, and both
 * as a backup file's text, as the import job reads it.
 */
export async function benchBackup(
  n: number,
  now: Date,
): Promise<{ data: BenchData; rubric: Rubric; text: string }> {
  const data = makeBenchData(n, 'import-study');
  const rubric = (await getDb().rubrics.get(['default', 1]))!;
  const text = JSON.stringify(
    toBackup(
      {
        studies: [data.study],
        brands: data.brands,
        categories: [],
        rubrics: [rubric],
        audits: data.audits,
        touchpoints: data.touchpoints,
        evidence: [],
      },
      now,
    ),
  );
  return { data, rubric, text };
}
