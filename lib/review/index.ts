export * from './checks';
export * from './states';
