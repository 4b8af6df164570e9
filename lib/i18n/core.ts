// What the content script may import: translation and labels over the core texts only.
export * from './translate';
export * from './labels';
export type { MessageKey } from './en';
export * from './problem-text';
