export * from './translate';
export * from './labels';
export type { MessageKey } from './en';
