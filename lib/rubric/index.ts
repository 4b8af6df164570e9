export * from './criteria';
export * from './default-rubric';
export * from './validate';
