export * from './validate';
export * from './hosts';
export * from './messages';
