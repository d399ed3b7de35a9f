// A throwaway PostgreSQL 15 cluster for the central ingest bench when no DATABASE_URL is given:
// initdb with trust auth into a temp folder (as the postgres user when running as root), listening on
// 127.0.0.1 only, removed afterwards. Durable settings by default (fsync on), so the number is honest.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export const PG_BIN = '/usr/lib/postgresql/15/bin';

export interface Cluster {
  url: string;
  describe: string;
  /** CPU time (user + system) the server's processes have used so far, where /proc tells. */
  cpuMs(): number | null;
  stop(): void;
}

const TICK_MS = 10;

function procCpuMs(pid: number): { ppid: number; ms: number } | null {
  try {
    // After the command name: state is field 3, ppid field 4, utime and stime fields 14 and 15.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return { ppid: Number(fields[1]), ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS };
  } catch {
    return null;
  }
}

/** The postmaster's and its live children's CPU time (children that already exited are not counted). */
function clusterCpuMs(dataDir: string): number | null {
  if (!existsSync('/proc/self/stat')) return null;
  const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  let total = procCpuMs(postmaster)?.ms ?? 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const proc = procCpuMs(Number(entry));
    if (proc && proc.ppid === postmaster) total += proc.ms;
  }
  return total;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export function clusterAvailable(): boolean {
  return existsSync(join(PG_BIN, 'initdb')) && existsSync(join(PG_BIN, 'pg_ctl'));
}

export async function startThrowawayCluster(options: { fsync: boolean }): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), 'sonar-bench-pg-'));
  const asRoot = userInfo().uid === 0;
  const run = (bin: string, args: string[]) => {
    const cmd = join(PG_BIN, bin);
    if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'pipe' });
    else execFileSync(cmd, args, { stdio: 'pipe' });
  };
  if (asRoot) {
    const pgUid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, pgUid, -1);
  }
  const port = await freePort();
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust']);
  const settings = [`-p ${port}`, '-c listen_addresses=127.0.0.1', `-c unix_socket_directories=${dir}`, `-c fsync=${options.fsync ? 'on' : 'off'}`, '-c shared_buffers=256MB', '-c max_connections=50'];
  run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-o', settings.join(' '), 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    describe: `throwaway PostgreSQL 15 cluster (fsync ${options.fsync ? 'on' : 'off'}, synchronous_commit on, shared_buffers 256MB)`,
    cpuMs: () => clusterCpuMs(data),
    stop: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
