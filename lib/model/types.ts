/**
 * The domain model (studies, brands, audits, touchpoints, rubrics, evidence) as plain data:
 * what is stored, exported and passed in
 * messages. No behaviour lives here.
 */

/** ISO 8601 UTC time, e.g. `2026-11-22T10:15:00.000Z`. */
export type IsoTime = string;

/** Journey stage ids (stable; labels come from the i18n layer). */
export type StageId =
  'awareness' | 'consideration' | 'purchase' | 'post_purchase' | 'retention' | 'advocacy';

/** Channel ids (stable). */
export type ChannelId =
  'web' | 'email' | 'chat' | 'social' | 'phone' | 'in_store' | 'mobile_app' | 'ad_network';

/** A category id: one of the seeded defaults or a custom one a study adds. */
export type CategoryId = string;

/** Fields every synchronised record carries so merges can pick the newer copy. */
export interface Versioned {
  /** When the record was created. */
  createdAt: IsoTime;
  /** When the record last changed (edits, deletion, undeletion). */
  updatedAt: IsoTime;
  /** A tombstone: the record was deleted; kept so a merge does not bring it back. */
  deleted?: boolean;
}

/** A category of touchpoint with the stage it defaults to. */
export interface Category extends Partial<Versioned> {
  /** Stable id, e.g. `live_chat`. */
  id: CategoryId;
  /** Stage pre-selected when the shopper picks this category. */
  defaultStage: StageId;
  /** Label for custom categories; seeded ones are labelled by the i18n layer. */
  label?: string;
  /** True for the seeded taxonomy. */
  builtin: boolean;
  // Custom categories carry `createdAt`/`updatedAt` (and `deleted`) so backups can merge them.
}

/** A company whose touchpoints are audited. */
export interface Brand extends Versioned {
  /** UUID (or a readable seeded id). */
  id: string;
  /** Display name. */
  name: string;
  /** The study's own brand, or a competitor. */
  role: 'own' | 'competitor';
  /** Host names; a tab's host matches when it equals one or ends with `.domain`. */
  domains: string[];
}

/** The scale every criterion of a rubric is scored on. */
export interface Scale {
  /** Lowest value (a critical criterion scored here fails the touchpoint). */
  min: number;
  /** Highest value; always greater than `min`. */
  max: number;
}

/** One thing scored. */
export interface Criterion {
  /** Stable within the rubric, e.g. `speed`. */
  id: string;
  /** Short name shown next to the score input. */
  label: string;
  /** One line of guidance shown with the input. */
  help: string;
  /** Relative weight, ≥ 0; 0 leaves the criterion out of the touchpoint score. */
  weight: number;
  /** Categories it applies to, or `all`. */
  appliesTo: 'all' | CategoryId[];
  /** Knock-out item: scored at the scale minimum, the touchpoint scores 0 % and is flagged. */
  critical: boolean;
}

/** A versioned list of criteria on a common scale. Keyed by `[id+version]`. */
export interface Rubric {
  /** Stable across versions, e.g. `default`. */
  id: string;
  /** Integer, from 1; a new version is made when a used rubric is edited. */
  version: number;
  /** Display name. */
  name: string;
  /** The scale shared by all its criteria. */
  scale: Scale;
  /** The criteria, in display (and CSV column) order. */
  criteria: Criterion[];
  createdAt: IsoTime;
  updatedAt: IsoTime;
}

/**
 * One comparison: brands audited with one pinned rubric version, measured wave after wave
 * (docs/ARCHITECTURE.md#waves-and-trends).
 */
export interface Study extends Versioned {
  id: string;
  name: string;
  /** The open wave's label, e.g. `2026-Q4`: the last of `waves`; new audits start in it. */
  wave: string;
  /** Every wave's label, oldest first, unique; includes `wave`. */
  waves: string[];
  /** Only approved audits count in the report, the popup's counts and every CSV. */
  requireReview: boolean;
  /** The pinned rubric's id. */
  rubricId: string;
  /** The pinned rubric's version. */
  rubricVersion: number;
  /** Brands compared, in display order. */
  brandIds: string[];
}

/** Why an audit was made: a real visit, or scoring a calibration round's items. */
export type AuditPurpose = 'audit' | 'calibration';

/** Where an audit stands in the lead's review (docs/ARCHITECTURE.md#waves-and-trends). */
export type ReviewState = 'in_progress' | 'submitted' | 'returned' | 'approved';

/** One shopper's visit of one brand within one wave of a study. */
export interface Audit extends Versioned {
  id: string;
  studyId: string;
  brandId: string;
  /** The study's wave the audit belongs to (the open one when it started). */
  wave: string;
  /** Calibration audits never count in comparisons, trends or touchpoints.csv. */
  purpose: AuditPurpose;
  review: ReviewState;
  /** Who moved the review state last, and when. */
  reviewedBy?: string;
  reviewedAt?: IsoTime;
  /** The shopper's reason for submitting with the checks' problems unfixed (the lead reads it). */
  submitNote?: string;
  /** The shopper's name. */
  shopper: string;
  /** The scenario followed, e.g. "buy running shoes as a first-time customer". */
  scenario: string;
  startedAt: IsoTime;
  /** Null while the audit is running. */
  endedAt: IsoTime | null;
}

/** A score given to one criterion: an integer on the scale, or not applicable. */
export type ScoreValue = number | 'NA';

/** Where a touchpoint was tagged on its page; data, never a DOM reference. */
export interface Anchor {
  /** A unique CSS selector in its frame's document. */
  css: string;
  /** The element's visible text (trimmed, capped). */
  text: string;
  /** Text just before the quote, to tell repeated quotes apart. */
  prefix?: string;
  /** Text just after the quote. */
  suffix?: string;
  /** The element's box in page (document) CSS pixels of its frame. */
  rect: { x: number; y: number; width: number; height: number };
  /** Selectors of the iframes leading from the top document to the element's frame. */
  framePath: string[];
  /** What was tagged: an element, the whole page, or a dragged rectangle. */
  kind?: 'element' | 'page' | 'region';
}

/** How a re-audit found the earlier wave's element again (`none`: it is gone). */
export type RelocatedBy = 'css' | 'text' | 'position' | 'none';

/** A lead's remark on a touchpoint during review. */
export interface ReviewComment {
  id: string;
  at: IsoTime;
  by: string;
  text: string;
}

/**
 * What kind of personal data a screenshot covered before it was taken (docs/REDACTION.md):
 * e-mail addresses, phone numbers, payment card numbers, IBANs, order or booking references.
 */
export type SensitiveKind = 'email' | 'phone' | 'card' | 'iban' | 'order';

/** How many pieces of one kind of personal data the touchpoint's screenshot found. */
export interface Redaction {
  kind: SensitiveKind;
  /** How many were found in the captured area (at least 1). */
  count: number;
  /** The shopper uncovered this kind for this touchpoint: the screenshot shows them. */
  uncovered?: boolean;
}

/** One tagged moment of contact. */
export interface Touchpoint extends Versioned {
  id: string;
  auditId: string;
  category: CategoryId;
  stage: StageId;
  channel: ChannelId;
  /** Tagged on a page, or entered by hand from the popup (phone call, store visit…). */
  source: 'page' | 'manual';
  url: string | null;
  pageTitle: string | null;
  anchor: Anchor | null;
  /** Scores by criterion id; a missing key means not yet scored. */
  scores: Record<string, ScoreValue>;
  notes: string;
  /** The earlier wave's touchpoint this one re-audits. */
  previousId?: string;
  /** How the earlier touchpoint's anchor was found again on the page. */
  relocatedBy?: RelocatedBy;
  /** Whether the re-found element's text differs from the earlier one's. */
  textChanged?: boolean;
  /** Scorings of one calibration item share it. */
  calibrationKey?: string;
  /** The lead's review comments, a set merged by id. */
  comments?: ReviewComment[];
  /**
   * The tagged element looked different at Save than when the shopper picked it: both
   * captures are kept as evidence (`Evidence.moment`). Absent when it did not, or was not
   * compared.
   */
  changedAfterPick?: boolean;
  /**
   * Personal data found in the captured area, one entry per kind: covered with a solid box
   * before the screenshot unless the shopper uncovered that kind. Absent when nothing was found
   * or the screenshot predates redaction.
   */
  redactions?: Redaction[];
}

/** A screenshot (or photo) of a touchpoint. */
export interface Evidence {
  id: string;
  touchpointId: string;
  /** The image, e.g. `image/jpeg`. */
  blob: Blob;
  mime: string;
  width: number;
  height: number;
  /** Lower-case hex SHA-256 of the image bytes. */
  sha256: string;
  capturedAt: IsoTime;
  url: string | null;
  /**
   * When it was taken, kept when a touchpoint has both (`Touchpoint.changedAfterPick`): as the
   * shopper picked the element, or at Save. Absent for a touchpoint's one screenshot.
   */
  moment?: EvidenceMoment;
}

/** When a screenshot of a touchpoint was taken: at the pick or at Save. */
export type EvidenceMoment = 'pick' | 'save';
