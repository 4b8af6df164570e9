export * from './taxonomy';
export * from './guess-category';
