/**
 * Storage: the Dexie schema and its upgrades, one module per table, the counters and report
 * totals kept on write, and seeding. Workflows that use it live next to their domain
 * (`lib/audit`, `lib/backup`, `lib/export`, `lib/report/read.ts`); Preact hooks live in
 * `hooks/`. See docs/ARCHITECTURE.md.
 */
export * from './schema';
export * from './seed';
export * from './settings';
export * from './rubrics';
export * from './studies';
export * from './brands';
export * from './audits';
export * from './touchpoints';
export * from './drafts';
export * from './bulk';
export * from './tallies';
export * from './rubric-moves';
export * from './categories';
export * from './evidence';
export * from './pending-evidence';
export * from './touchpoint-query';
export * from './backup-reminder';
export * from './sync-outbox';
export * from './live-notice';
