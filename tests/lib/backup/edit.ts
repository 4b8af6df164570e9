// Helpers to break the sample backup one way at a time, on its plain JSON.
import { sampleBackup } from './fixtures';

/** A backup as plain JSON. */
export type Json = Record<string | number, unknown>;
/** One change to the sample backup, made on its plain JSON (changes may break its types). */
export type Edit = (root: Json) => void;

const keysOf = (path: string | (string | number)[]): (string | number)[] =>
  typeof path === 'string'
    ? path
        .split(/[.[\]]+/)
        .filter(Boolean)
        .map((k) => (/^\d+$/.test(k) ? Number(k) : k))
    : path;

function get(root: Json, path: string | (string | number)[]): unknown {
  return keysOf(path).reduce<unknown>((node, key) => (node as Json)[key], root);
}

function parentOf(root: Json, path: string | (string | number)[]): [Json, string | number] {
  const keys = keysOf(path);
  return [get(root, keys.slice(0, -1)) as Json, keys[keys.length - 1] as string | number];
}

/** Sets the value at `path`. */
export const set =
  (path: string | (string | number)[], value: unknown): Edit =>
  (root) => {
    const [parent, key] = parentOf(root, path);
    parent[key] = value;
  };
/** Deletes the key at `path`. */
export const del =
  (path: string): Edit =>
  (root) => {
    const [parent, key] = parentOf(root, path);
    delete parent[key];
  };
/** Appends to the list at `path` a copy of what is at `from` (or `value`). */
export const push =
  (path: string, from: string | { value: unknown }): Edit =>
  (root) => {
    const item = typeof from === 'string' ? structuredClone(get(root, from)) : from.value;
    (get(root, path) as unknown[]).push(item);
  };

/** JSON text of the sample backup after the edits. */
export function mutated(...edits: Edit[]): string {
  const root = JSON.parse(JSON.stringify(sampleBackup())) as Json;
  for (const edit of edits) edit(root);
  return JSON.stringify(root, null, 2);
}

/** The sample backup as the text of a file. */
export const valid = JSON.stringify(sampleBackup(), null, 2);

/** One mebibyte: evidence limits are counted in these. */
export const MB = 1024 * 1024;
/** Base64 of exactly `bytes` bytes (content irrelevant: only the size is checked). */
export const base64OfSize = (bytes: number): string => {
  const rest = bytes % 3;
  return 'A'.repeat(Math.floor(bytes / 3) * 4) + (rest === 0 ? '' : rest === 1 ? 'AA==' : 'AAA=');
};
