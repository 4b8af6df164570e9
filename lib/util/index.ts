/** Small helpers with no domain of their own: each states the rule its callers rely on. */
export * from './event-loop';
export * from './url';
export * from './download';
