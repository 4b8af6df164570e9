export * from './validate';
export * from './hosts';
