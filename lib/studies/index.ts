export * from './validate';
export * from './messages';
