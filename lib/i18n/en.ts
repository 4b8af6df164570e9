import { enCore } from './en-core';
import { enPages } from './en-pages';

/**
 * The whole English catalogue, the reference every other language translates. Split in two so
 * the content script carries only what it shows: `en-core` (taxonomy, tagger, errors) and
 * `en-pages` (the extension's own pages).
 */
export const en = { ...enCore, ...enPages } as const;

/** A key of the message catalogue. */
export type MessageKey = keyof typeof enCore | keyof typeof enPages;
