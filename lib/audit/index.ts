/** The shopper's use cases in the popup: the running audit's view and off-page touchpoints. */
export * from './popup-state';
export * from './manual-touchpoint';
export * from './evidence-file';
