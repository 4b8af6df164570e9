/**
 * `npm run sync:setup -- <url> <db> <admin>`: sets up a team's database for sync on a CouchDB
 * 3 or Cloudant server (docs/SYNC.md): creates the database when missing, installs the
 * `validate_doc_update` design document that enforces the shopper and lead roles, and lets
 * only those roles in (`_security`). Safe to run again: it updates the design document.
 *
 * The admin's password is read from `COUCHDB_PASSWORD`, or asked for on the terminal.
 */
import { createInterface } from 'node:readline/promises';
import { setupTeamDatabase } from '../lib/sync/setup';

async function askPassword(admin: string): Promise<string> {
  if (process.env.COUCHDB_PASSWORD) return process.env.COUCHDB_PASSWORD;
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Keep the typed password off the screen.
  const out = rl as unknown as { _writeToOutput?: (s: string) => void };
  const ask = rl.question(`Password of ${admin}: `);
  out._writeToOutput = () => undefined;
  const password = await ask;
  rl.close();
  process.stdout.write('\n');
  return password;
}

const WHAT: Record<string, string> = {
  'database:created': 'created the database',
  'database:exists': 'the database exists already: kept it and its documents',
  'design:installed':
    'installed the design document _design/touchpoint-auditor (validate_doc_update)',
  'design:updated': 'updated the design document _design/touchpoint-auditor (validate_doc_update)',
  'security:set': 'set _security: only users with the role "shopper" or "lead" may read and write',
};

async function main(): Promise<void> {
  const [url, db, admin] = process.argv.slice(2).filter((a) => a !== '--');
  if (!url || !db || !admin) {
    console.error(
      'Usage: npm run sync:setup -- <url> <db> <admin>   (COUCHDB_PASSWORD=… to skip the prompt)',
    );
    process.exit(2);
  }
  const password = await askPassword(admin);
  const steps = await setupTeamDatabase((u, init) => fetch(u, init), url, db, {
    user: admin,
    password,
  });
  console.log(`${url.replace(/\/+$/, '')}/${db}:`);
  for (const s of steps)
    console.log(`  - ${WHAT[`${s.step}:${s.outcome}`] ?? `${s.step}: ${s.outcome}`}`);
  console.log(
    '\nNext: give each shopper a user with the role "shopper" and each lead one with "lead"\n' +
      '(README.md, "Team sync"); a shopper\'s user name is the shopper name they enter on their audits.',
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
