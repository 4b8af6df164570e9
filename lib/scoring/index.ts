export * from './round';
export * from './score';
