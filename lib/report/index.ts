export type * from './types';
export * from './aggregate';
export * from './comparison';
export * from './coverage';
export * from './order';
export * from './rank';
export * from './views';
export * from './trend';
