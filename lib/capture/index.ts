export * from './crop';
export * from './encode';
export * from './evidence';
export * from './rate-limit';
export * from './image-header';
export * from './reencode';
export * from './thumbnail';
