export * from './anchor';
export * from './css-selector';
export * from './position';
export * from './text-quote';
export * from './stable';
