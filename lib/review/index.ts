export * from './checks';
export * from './states';
export * from './queue';
