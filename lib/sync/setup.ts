import { designDoc, DESIGN_DOC_ID, SECURITY } from './design';

/** What setting up a team database did, step by step, for the setup command to print. */
export interface SetupStep {
  step: 'database' | 'design' | 'security';
  /** `created`, `exists`, `installed`, `updated`, `set`. */
  outcome: string;
}

/**
 * Sets up a team's database on a CouchDB 3 (or Cloudant, or pouchdb-server) server as a
 * server admin: creates the database when missing, installs or updates the
 * `validate_doc_update` design document, and lets only the `shopper` and `lead` roles read
 * and write it (`_security`). Idempotent. Throws with the server's answer when a step fails.
 */
export async function setupTeamDatabase(
  fetchImpl: (url: string, init: RequestInit) => Promise<Response>,
  url: string,
  db: string,
  admin: { user: string; password: string },
): Promise<SetupStep[]> {
  const base = `${url.replace(/\/+$/, '')}/${encodeURIComponent(db)}`;
  const headers = {
    Authorization: `Basic ${Buffer.from(`${admin.user}:${admin.password}`).toString('base64')}`,
    'Content-Type': 'application/json',
    Accept: 'application/json',
  };
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetchImpl(`${base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json().catch(() => null)) as Record<string, unknown> | null;
    return { status: res.status, json };
  };
  const fail = (what: string, r: { status: number; json: unknown }) =>
    new Error(`${what}: ${r.status} ${JSON.stringify(r.json)}`);
  const steps: SetupStep[] = [];
  const created = await call('PUT', '');
  if (created.status === 201 || created.status === 202) {
    steps.push({ step: 'database', outcome: 'created' });
  } else if (created.status === 412) steps.push({ step: 'database', outcome: 'exists' });
  else throw fail('creating the database', created);
  const existing = await call('GET', `/${DESIGN_DOC_ID}`);
  const rev = existing.status === 200 ? (existing.json?._rev as string) : undefined;
  const design = await call('PUT', `/${DESIGN_DOC_ID}`, {
    ...designDoc(),
    ...(rev ? { _rev: rev } : {}),
  });
  if (design.status !== 201 && design.status !== 202)
    throw fail('installing the design document', design);
  steps.push({ step: 'design', outcome: rev ? 'updated' : 'installed' });
  const security = await call('PUT', '/_security', SECURITY);
  if (security.status !== 200 && security.status !== 201) throw fail('setting _security', security);
  steps.push({ step: 'security', outcome: 'set' });
  return steps;
}
