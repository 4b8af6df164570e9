// A CouchDB-protocol server for tests and the bench: pouchdb-server from npm, in memory, on a
// free loopback port, with a server admin, users with roles, and a gate in front of it that a
// test can close and open again (the server "stopped" and "restarted" with its data kept).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ADMIN = { user: 'admin', password: 'admin-secret' };

export interface CouchServer {
  /** The server's own URL (http://127.0.0.1:<port>). */
  url: string;
  /** Creates a user with roles in `_users`. */
  createUser(name: string, password: string, roles: string[]): Promise<void>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => done(port));
    });
  });
}

const adminHeaders = {
  Authorization: `Basic ${Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64')}`,
  'Content-Type': 'application/json',
};

/** Starts pouchdb-server in memory and makes `ADMIN` its server admin. */
export async function startCouchServer(): Promise<CouchServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'tpa-couch-'));
  const bin = resolve(import.meta.dirname, '../../node_modules/pouchdb-server/bin/pouchdb-server');
  const child: ChildProcess = spawn(
    process.execPath,
    [
      bin,
      '--in-memory',
      '-n',
      '-p',
      String(port),
      '-o',
      '127.0.0.1',
      '-c',
      join(dir, 'config.json'),
    ],
    { cwd: dir, stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error('pouchdb-server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  const admin = await fetch(`${url}/_config/admins/${ADMIN.user}`, {
    method: 'PUT',
    body: JSON.stringify(ADMIN.password),
  });
  if (!admin.ok) throw new Error(`could not make the admin: ${admin.status}`);
  return {
    url,
    async createUser(name, password, roles) {
      const res = await fetch(`${url}/_users/org.couchdb.user:${encodeURIComponent(name)}`, {
        method: 'PUT',
        headers: adminHeaders,
        body: JSON.stringify({ name, password, roles, type: 'user' }),
      });
      if (!res.ok) throw new Error(`could not create ${name}: ${res.status} ${await res.text()}`);
    },
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill();
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A loopback TCP gate in front of a server: closed, every connection is cut and refused. */
export interface Gate {
  url: string;
  close(): void;
  open(): void;
  stop(): Promise<void>;
}

/** Starts a gate to `target` (http://127.0.0.1:<port>), open. */
export async function startGate(target: string): Promise<Gate> {
  const targetPort = Number(new URL(target).port);
  const sockets = new Set<Socket>();
  let isOpen = true;
  const server: Server = createServer((client) => {
    if (!isOpen) {
      client.destroy();
      return;
    }
    const upstream = createConnection(targetPort);
    sockets.add(client);
    sockets.add(upstream);
    client.pipe(upstream).pipe(client);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    close() {
      isOpen = false;
      for (const s of sockets) s.destroy();
      sockets.clear();
    },
    open() {
      isOpen = true;
    },
    stop: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
