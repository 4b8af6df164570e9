/** Building export files (CSV) and their names; downloading them is the caller's job. */
export * from './csv';
export * from './touchpoints-csv';
export * from './comparison-csv';
export * from './file-name';
export * from './trend-csv';
