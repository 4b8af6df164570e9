export * from './checks';
export * from './find';
export * from './keywords';
export * from './kinds';
export * from './summary';
