import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Raw and gzip bytes of one built file. */
export interface BundleSize {
  file: string;
  raw: number;
  gzip: number;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Sizes of every script and stylesheet of a built extension, largest first. */
export function measureBundles(outDir: string): BundleSize[] {
  return walk(outDir)
    .filter((f) => /\.(js|css|html)$/.test(f))
    .map((f) => {
      const bytes = readFileSync(f);
      return {
        file: relative(outDir, f),
        raw: bytes.length,
        gzip: gzipSync(bytes, { level: 9 }).length,
      };
    })
    .sort((a, b) => b.gzip - a.gzip);
}
