import { enPages } from './en-pages';
import { pageProblemMessages, pageProblemParams } from './page-problems';
import { addProblemMessages, addProblemParams } from './problem-text';
import { addEnglish } from './translate';

// The extension's pages, background and tests get every text; the content script imports
// lib/i18n/core instead and carries only the core ones.
addEnglish(enPages);
addProblemMessages(pageProblemMessages);
addProblemParams(pageProblemParams);

export * from './core';
export * from './page-labels';
export * from './languages';
export * from './load';
export * from './format';
export * from './rubric';
