export * from './criteria';
export * from './default-rubric';
export * from './validate';
export * from './edit';
export * from './diff';
export * from './issue-field';
export * from './share';
export * from './category';
