export type * from './types';
export * from './ids';
