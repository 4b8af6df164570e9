export * from './validate';
export * from './hosts';
export * from './next-wave';
