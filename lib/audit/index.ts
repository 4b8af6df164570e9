/** The shopper's use cases in the popup: the running audit's view, re-audits and off-page touchpoints. */
export * from './popup-state';
export * from './manual-touchpoint';
export * from './evidence-file';
export * from './reaudit';
