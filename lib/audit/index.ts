/**
 * The shopper's use cases in the popup: the running audit's view, re-audits, off-page
 * touchpoints, handing an audit in for review and finding the ones sent back.
 */
export * from './popup-state';
export * from './manual-touchpoint';
export * from './evidence-file';
export * from './reaudit';
export * from './submit';
export * from './returned';
