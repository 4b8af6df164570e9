export type * from './protocol';
export * from './result';
export * from './schemas';
export * from './server';
export * from './client';
