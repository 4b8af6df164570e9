export * from './schema';
export * from './seed';
export * from './settings';
export * from './rubrics';
export * from './studies';
export * from './audits';
export * from './touchpoints';
export * from './drafts';
