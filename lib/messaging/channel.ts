/**
 * Marks the extension's own runtime messages, in both directions, so that each side can tell
 * them apart from anything else. The one place this string is written (a conventions test
 * keeps it so).
 */
export const CHANNEL = 'touchpoint-auditor';
