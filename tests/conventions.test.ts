// @vitest-environment node
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNEL } from '../lib/messaging/channel';

const root = resolve(__dirname, '..');
const IMPORT =
  /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s*['"]([^'"]+)['"]/gm;

function resolveImport(from: string, spec: string): string | undefined {
  let base: string;
  if (spec.startsWith('@/') || spec.startsWith('~/')) base = join(root, spec.slice(2));
  else if (spec.startsWith('.')) base = resolve(dirname(from), spec);
  else return undefined; // a package
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** Every project file a module reaches through static and dynamic imports, and the packages. */
function reach(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const todo = [entry];
  while (todo.length) {
    const file = todo.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? m[3]!;
      if (/^import\s+type\s/.test(m[0]) || /^export\s+type\s/.test(m[0])) continue;
      const target = resolveImport(file, spec);
      if (target) todo.push(target);
      else if (!spec.startsWith('.')) packages.add(spec);
    }
  }
  return { files, packages };
}

/** Every module a file names in an import or re-export, type-only ones included. */
function importsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

const inFolder = (file: string, folder: string) =>
  relative(root, file).startsWith(join(...folder.split('/')) + '/');

/**
 * What a storage module may import: Dexie, other storage modules, and the pure domain
 * modules it needs to seed and to keep report totals. A lib/report file that reads the
 * database itself (a page's read model) is a workflow, not part of the pure engine.
 */
function storageMayImport(target: string): boolean {
  if (
    [
      'lib/db',
      'lib/model',
      'lib/taxonomy',
      'lib/scoring',
      'lib/rubric',
      'lib/review',
      'lib/result',
    ].some((f) => inFolder(target, f)) ||
    // The language codes a setting holds.
    target === join(root, 'lib', 'i18n', 'languages.ts')
  )
    return true;
  if (!inFolder(target, 'lib/report')) return false;
  return importsOf(target).every((spec) => {
    const reached = resolveImport(target, spec);
    return !reached || !inFolder(reached, 'lib/db');
  });
}

/**
 * lib modules that may translate, and why. Everything else in lib returns codes with
 * parameters (lib/result) and the UI turns them into text (lib/i18n/problem-text.ts).
 */
const MAY_TRANSLATE: Record<string, string> = {
  'lib/tagger/':
    "the content script's view: it draws the tagger's panel and highlights into the page " +
    '(plain DOM, no Preact), so it shows text itself',
  'lib/background/handlers.ts':
    "the tagger's context carries the texts of the shopper's language and the default " +
    'rubric in their words (the content script holds only English)',
  'lib/rubric/default-rubric.ts':
    'the seeded rubric is stored in English, taken from the catalogue so its texts are ' +
    'written once (lib/i18n/rubric.ts shows them in the reader’s language)',
  'lib/export/study-csv.ts':
    "comparison.csv's `label` column is each key's name in the user's language, and the " +
    'CSV dialect follows the language unless the user chose one',
};

/** The modules a file imports values from (type-only imports left out). */
function valueImportsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(IMPORT)]
    .filter((m) => !/^(import|export)\s+type\s/.test(m[0]))
    .map((m) => m[1] ?? m[2] ?? m[3]!);
}

const libFiles = sourcesUnder('lib');
const dbFiles = sourcesUnder('lib/db');

const contentEntries = readdirSync(join(root, 'entrypoints'))
  .filter((name) => name.includes('content'))
  .flatMap((name) => {
    const path = join(root, 'entrypoints', name);
    return statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((f) => /\.tsx?$/.test(f))
          .map((f) => join(path, f))
      : [path];
  });

describe('conventions that keep the design true', () => {
  it.each(contentEntries.map((f) => [relative(root, f)]))(
    '%s carries only the core texts, and has a text for every key it shows',
    async (file) => {
      const { files } = reach(join(root, file));
      const reached = [...files].map((f) => relative(root, f));
      expect(reached).not.toContain(join('lib', 'i18n', 'en-pages.ts'));
      expect(reached).not.toContain(join('lib', 'i18n', 'index.ts'));
      const { enCore } = await import('../lib/i18n/en-core');
      const used = [...files].flatMap((f) =>
        [...readFileSync(f, 'utf8').matchAll(/\bt\(\s*'([^']+)'/g)].map((m) => m[1]!),
      );
      if (file.endsWith('index.ts')) expect(used.length).toBeGreaterThan(10);
      expect(used.filter((key) => !(key in enCore))).toEqual([]);
    },
  );

  it('has at least one content script to check', () => {
    expect(contentEntries.length).toBeGreaterThan(0);
  });

  it.each(contentEntries.map((f) => [relative(root, f)]))(
    "%s reaches neither lib/db nor Dexie (it would write into the audited site's storage)",
    (file) => {
      const { files, packages } = reach(join(root, file));
      const db = [...files].filter((f) => relative(root, f).startsWith(join('lib', 'db')));
      expect(db, `reached through imports from ${file}`).toEqual([]);
      expect([...packages].filter((p) => p === 'dexie' || p.startsWith('dexie/'))).toEqual([]);
    },
  );

  it.each(contentEntries.map((f) => [relative(root, f)]))(
    '%s reaches neither wxt/browser nor the polyfill (lib/messaging/runtime.ts is its browser)',
    (file) => {
      const { packages } = reach(join(root, file));
      const polyfill = [...packages].filter(
        (p) => /^wxt\/browser(\/|$)/.test(p) || /webextension-polyfill/.test(p),
      );
      expect(polyfill, `reached through imports from ${file}`).toEqual([]);
    },
  );

  it('has lib files to check', () => {
    expect(libFiles.length).toBeGreaterThan(20);
    expect(dbFiles.length).toBeGreaterThan(5);
  });

  it.each(libFiles.map((f) => [relative(root, f)]))(
    '%s does not import Preact (UI lives in hooks/, components/ and entrypoints/)',
    (file) => {
      const preact = importsOf(join(root, file)).filter(
        (spec) => /^preact(\/|$)/.test(spec) || spec.startsWith('@preact/'),
      );
      expect(preact, `Preact imported by ${file}`).toEqual([]);
      expect(file.endsWith('.tsx'), `${file} is JSX, which compiles to Preact`).toBe(false);
    },
  );

  it.each(
    libFiles
      .map((f) => relative(root, f).split(sep).join('/'))
      .filter((f) => !f.startsWith('lib/i18n/'))
      .filter((f) => !Object.keys(MAY_TRANSLATE).some((allowed) => f.startsWith(allowed)))
      .map((f) => [f]),
  )('%s does not translate: it returns codes and parameters, the UI says them', (file) => {
    const path = join(root, file);
    const i18n = valueImportsOf(path).filter((spec) => {
      const target = resolveImport(path, spec);
      // The language codes and the dialect each reads are data, not translation.
      const codesOnly = target === join(root, 'lib', 'i18n', 'languages.ts');
      return !!target && inFolder(target, 'lib/i18n') && !codesOnly;
    });
    expect(i18n, `${file} imports translation from lib/i18n`).toEqual([]);
  });

  it.each(Object.entries(MAY_TRANSLATE))('%s may translate: %s', (allowed) => {
    expect(existsSync(join(root, allowed)), `${allowed} is listed but gone`).toBe(true);
  });

  it.each(dbFiles.map((f) => [relative(root, f)]))(
    '%s imports only Dexie, storage and the pure domain modules',
    (file) => {
      const path = join(root, file);
      const outside = importsOf(path).filter((spec) => {
        if (spec === 'dexie' || spec.startsWith('dexie/')) return false;
        const target = resolveImport(path, spec);
        return !target || !storageMayImport(target);
      });
      expect(outside, `imported by ${file}`).toEqual([]);
    },
  );
});

/** Every source file under the given top-level folders (those that exist). */
function sourcesUnder(...folders: string[]): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return walk(path);
      return /\.(?:[cm]?[jt]sx?)$/.test(name) ? [path] : [];
    });
  return folders
    .map((f) => join(root, f))
    .filter((dir) => existsSync(dir))
    .flatMap(walk);
}

describe('one message channel', () => {
  // The same word also names the database and prefixes exported files: those constants say
  // what they are, and are not the channel.
  const OTHER_USES = /^\s*(?:export\s+)?const\s+(?:DB_NAME|APP)\s*=/;
  const spelled = new RegExp(`(['"\`])${CHANNEL}\\1`);

  it('is spelled only in lib/messaging; everything else imports CHANNEL', () => {
    const offending = sourcesUnder('entrypoints', 'components', 'lib', 'hooks')
      .filter((file) => !relative(root, file).startsWith(join('lib', 'messaging')))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, i) => ({ line, at: `${relative(root, file)}:${i + 1}` }))
          .filter(({ line }) => spelled.test(line) && !OTHER_USES.test(line))
          .map(({ line, at }) => `${at}: ${line.trim()}`),
      );
    expect(offending).toEqual([]);
  });
});

describe('one network path', () => {
  // The extension makes no request of its own except team sync to the server the user set
  // (docs/SYNC.md#network): the one `fetch` is handed to lib/sync/couch.ts, which refuses any
  // URL outside the configured database. No other code may reach the network.
  const NETWORK = /\bfetch\s*\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon/;

  it('is the fetch the background hands to the sync client, and nothing else', () => {
    const calls = sourcesUnder('entrypoints', 'components', 'lib', 'hooks').flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${relative(root, file)}:${i + 1}` }))
        .filter(({ line }) => NETWORK.test(line) && !/^\s*(\/\/|\*)/.test(line))
        .map(({ at }) => at.replace(/:\d+$/, '')),
    );
    expect(calls).toEqual([join('lib', 'background', 'sync-start.ts')]);
  });
});

describe('thin entry files', () => {
  // An entry file only wires lib/, hooks/ and components/ together: WXT also imports it in
  // Node at build time, and logic hidden there escapes the unit tests. What it may hold is an
  // import list, a define*/render call and a few lines of wiring.
  const MAX_WIRING_LINES = 12;
  const entries = readdirSync(join(root, 'entrypoints')).flatMap((name) => {
    const path = join(root, 'entrypoints', name);
    if (!statSync(path).isDirectory()) return /\.tsx?$/.test(name) ? [path] : [];
    return ['index.ts', 'main.tsx'].map((f) => join(path, f)).filter((f) => existsSync(f));
  });

  /** Lines that do something: not blank, not a comment, not part of an import. */
  function wiringLines(file: string): string[] {
    const source = readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*import[\s\S]*?from\s*['"][^'"]+['"];?\s*$/gm, '')
      .replace(/^\s*import\s*['"][^'"]+['"];?\s*$/gm, '');
    return source
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('//'));
  }

  it('finds the background, the content script and every page', () => {
    expect(entries.length).toBeGreaterThanOrEqual(6);
  });

  it.each(entries.map((f) => [relative(root, f)]))(
    `%s has at most ${MAX_WIRING_LINES} lines of wiring`,
    (file) => {
      expect(wiringLines(join(root, file)).length).toBeLessThanOrEqual(MAX_WIRING_LINES);
    },
  );
});
