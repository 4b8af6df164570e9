/**
 * Team sync through CouchDB (docs/SYNC.md): settings, the one HTTP client, records as
 * documents, push, pull, conflicts and the server's design document. The workflows that take
 * `db` (push, pull, apply, run, queue-all) are imported from their own files.
 */
export * from './config';
export * from './couch';
export * from './docs';
export * from './design';
