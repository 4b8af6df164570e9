export * from './schema';
export * from './seed';
export * from './settings';
export * from './rubrics';
export * from './studies';
export * from './audits';
export * from './touchpoints';
export * from './drafts';
export * from './bulk';
export * from './tallies';
export * from './rubric-moves';
export * from './categories';
export * from './brands';
export * from './evidence-files';
export * from './manual';
export * from './touchpoint-query';
export * from './popup-state';
// Preact hooks (useLiveQuery, useTouchpointList) are imported from their own files by pages,
// so the background's bundle stays free of Preact.
export * from './evidence';
