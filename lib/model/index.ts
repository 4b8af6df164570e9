export type * from './types';
export * from './ids';
export * from './upgrade';
