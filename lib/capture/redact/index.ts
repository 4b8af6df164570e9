// Personal data in page text, covered before a capture (docs/REDACTION.md). Pure search
// (find, checks, keywords, summary) and the DOM walk (dom): no state, no tagger imports.
export * from './checks';
export * from './dom';
export * from './find';
export * from './keywords';
export * from './kinds';
export * from './summary';
