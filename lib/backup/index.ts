/** backup.json: building it, validating an incoming one, and planning its merge. */
export * from './types';
export * from './schema';
export * from './parse';
export * from './validate';
export * from './to-backup';
export * from './merge';
export * from './limits';
export * from './image-check';
export * from './evidence-check';
