/*
 * Record access that is safe for any id. Ids are arbitrary strings (lib/model/ids.ts), so a plain
 * `record[id]` would find `constructor` on every object and writing `__proto__` would change
 * the prototype instead of adding a key.
 */

/** The record's own value at `key`, or undefined. */
export function getOwn<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Sets an own, enumerable property (even `__proto__`) on `record`. */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}
