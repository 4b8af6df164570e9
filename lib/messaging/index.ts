export * from './channel';
export * from './protocol';
export { fail, ok, type Problem, type Result } from '../result';
export * from './schemas';
export * from './envelope';
export * from './server';
export * from './client';
export * from './to-content';
export * from './content-server';
