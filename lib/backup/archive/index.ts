/** The backup archive (`.tpa.zip`): streaming export and staged, all-or-nothing import. */
export * from './format';
export * from './export-archive';
export * from './import-archive';
export * from './import-file';
