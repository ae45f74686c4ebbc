import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, chownSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

/** A throwaway PostgreSQL server: its own data directory under /tmp, on 127.0.0.1 only, trust auth. */
export interface PostgresCluster {
  readonly url: string;
  readonly version: string;
  stop(): void;
}

const NOT_INSTALLED =
  'PostgreSQL is not installed: the store-postgres tests need a real server and found no initdb under /usr/lib/postgresql/*/bin nor on PATH ' +
  "(or in EDUVKIT_PG_BIN when set). Install Debian's package (apt-get update && apt-get install -y postgresql), as .ci/run does.";

/** EDUVKIT_PG_BIN when set (another layout than Debian's), else Debian's per-major directories (newest wins), else PATH. */
function findBinaries(): string {
  const hasInitdb = (dir: string) => existsSync(join(dir, 'initdb'));
  const chosen = process.env.EDUVKIT_PG_BIN;
  if (chosen !== undefined) {
    if (!hasInitdb(chosen)) throw new Error(NOT_INSTALLED);
    return chosen;
  }
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((name) => hasInitdb(join(root, name, 'bin'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (newest) return join(root, newest, 'bin');
  try {
    return dirname(execFileSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).trim());
  } catch {
    throw new Error(NOT_INSTALLED);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** PostgreSQL refuses to run as root, so as root every command runs as the `postgres` OS user. */
function runner(): { run: (file: string, args: string[]) => string; owner?: { uid: number; gid: number } } {
  const asRoot = process.getuid?.() === 0;
  if (!asRoot) return { run: (file, args) => execFileSync(file, args, { encoding: 'utf8', stdio: 'pipe' }) };
  const id = (flag: string) => {
    try {
      return Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: 'pipe' }).trim());
    } catch (error) {
      throw new Error("running as root, the tests start PostgreSQL as the `postgres` OS user, and there is none (Debian's postgresql package creates it)", {
        cause: error,
      });
    }
  };
  return {
    run: (file, args) => execFileSync('runuser', ['-u', 'postgres', '--', file, ...args], { encoding: 'utf8', stdio: 'pipe' }),
    owner: { uid: id('-u'), gid: id('-g') },
  };
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = findBinaries();
  const { run, owner } = runner();
  // /tmp, not $TMPDIR: the postgres user must reach it, and the socket path must stay short.
  const dir = mkdtempSync('/tmp/eduvkit-pg-');
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, 'data');
  const pgCtl = join(bin, 'pg_ctl');
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  try {
    run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync']);
    const port = await freePort();
    // Throwaway data: no fsync; the socket lives in the tmp dir, TCP only on 127.0.0.1.
    const settings = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60`;
    run(pgCtl, ['-D', data, '-l', join(dir, 'server.log'), '-o', settings, '-w', '-t', '60', 'start']);
    const version = run(join(bin, 'postgres'), ['--version']).trim();
    let stopped = false;
    const stop = () => {
      if (stopped) return;
      stopped = true;
      try {
        run(pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        removeDir();
      }
    };
    // Also when the test run dies before its teardown: no server is left running.
    process.once('exit', stop);
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, version, stop };
  } catch (error) {
    removeDir();
    const detail = (error as { stderr?: string }).stderr ?? (error as Error).message;
    throw new Error(`could not start a throwaway PostgreSQL cluster with ${bin}: ${detail}`, { cause: error });
  }
}
