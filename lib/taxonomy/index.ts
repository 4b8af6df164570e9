export * from './taxonomy';
export * from './guess-category';
export * from './infer-category';
