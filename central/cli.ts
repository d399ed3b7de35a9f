// `npm run central -- <command>`: starts the central record, or runs one administration command
// against it (through the running central's admin socket, or directly on its database when it is
// stopped). Usage in USAGE below and in README.md.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { orgTypeSchema } from '../domain/access/disclosure';
import { sendAdminCommand } from './admin/admin-client';
import { adminCommandSchema, type AdminCommand } from './admin/command-schema';
import { acquireInstanceLock } from './admin/instance-lock';
import { printResult } from './cli-output';

// The server, the database drivers and the CA load only when a command needs them: a command sent
// to the running central's socket stays quick.
const PGLITE_DIR = 'pgdata';

export const USAGE = `usage: npm run central -- [command] [options]
  (no command) | serve      start the central record and print its https URL
      --host ADDR           address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
      --port N              port (default 8443; 0 for any free port)
      --name HOST           a name sites use to reach it (repeatable; default localhost, 127.0.0.1, this host)
  ca init                   create the region CA (also done on first start)
  ca show                   print the CA certificate: the bundle each site trusts
  site register --csr FILE --code CODE --org-type TYPE [--name NAME] [--days N] [--out FILE]
                            sign a site's certificate request; prints (or writes) its certificate
  site revoke --code CODE [--fingerprint HEX]
                            revoke the site's certificate(s); the running central stops accepting them
  site list
  lead register --id ID --name NAME (--csr FILE | --pkcs12 FILE) [--days N] [--out FILE]
                            a governance lead's certificate (URI urn:sonar:lead:ID) for the KPI page at
                            https://<central>/governance/kpis: from the lead's CSR, or with --pkcs12 a key made
                            here and bundled with the certificate into a password-protected file for the browser
  lead revoke --id ID [--fingerprint HEX]
                            revoke the lead's certificate(s); the running central stops accepting them
  lead list
  agreement load FILE       load a data-sharing agreement (or a JSON array of them), versioned
  agreement list
  disclosures [--identifier TYPE:VALUE] [--person ID] [--site CODE] [--from DATE] [--to DATE] [--limit N]
                            the disclosure audit, for the region's governance lead (the query is audited)
  disclosures verify        check the disclosure audit's hash chain
  conflicts [--open]        conflicts raised between sites' edits
  anchors --site CODE       audit chain heads a site has sent
common options:
  --data-dir DIR            the central's data directory (default $SONAR_CENTRAL_DIR or ~/.local/share/sonar-central)
  --json                    machine-readable output
environment:
  DATABASE_URL              postgres://... to use a PostgreSQL server; without it PGlite runs inside the data directory
org types: ${orgTypeSchema.options.join(', ')}`;

export class UsageError extends Error {}

function defaultDataDir(): string {
  if (process.env.SONAR_CENTRAL_DIR) return resolve(process.env.SONAR_CENTRAL_DIR);
  const base = process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share');
  return join(base, 'sonar-central');
}

const options = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean', default: false },
  host: { type: 'string' },
  port: { type: 'string' },
  name: { type: 'string', multiple: true },
  region: { type: 'string' },
  csr: { type: 'string' },
  code: { type: 'string' },
  'org-type': { type: 'string' },
  days: { type: 'string' },
  out: { type: 'string' },
  fingerprint: { type: 'string' },
  id: { type: 'string' },
  pkcs12: { type: 'string' },
  identifier: { type: 'string' },
  person: { type: 'string' },
  site: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  limit: { type: 'string' },
  open: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values'];

function need(values: Values, key: 'csr' | 'code' | 'org-type' | 'site' | 'id'): string {
  const v = values[key];
  if (typeof v !== 'string' || v.length === 0) throw new UsageError(`--${key} is required`);
  return v;
}

function int(flag: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min) throw new UsageError(`--${flag} needs a whole number >= ${min}, got "${value}"`);
  return n;
}

/**
 * The admin command the arguments describe, with any files read here (the server may not see the
 * caller's paths). `madeCsrPem` is the CSR of a key this process made (lead register --pkcs12).
 */
export function buildCommand(positionals: readonly string[], values: Values, madeCsrPem?: string): AdminCommand | null {
  const [group, action, file] = positionals;
  const key = `${group ?? ''} ${action ?? ''}`.trim();
  let candidate: unknown;
  switch (key) {
    case 'site register':
      candidate = {
        command: 'site.register',
        csrPem: readFileSync(need(values, 'csr'), 'utf8'),
        code: need(values, 'code'),
        orgType: need(values, 'org-type'),
        name: values.name?.[0] ?? need(values, 'code'),
        days: int('days', values.days, 365, 1),
      };
      break;
    case 'site revoke':
      candidate = { command: 'site.revoke', code: need(values, 'code'), ...(values.fingerprint ? { fingerprint: values.fingerprint.replace(/:/g, '').toLowerCase() } : {}) };
      break;
    case 'site list':
      candidate = { command: 'site.list' };
      break;
    case 'lead register':
      if (values.csr && values.pkcs12) throw new UsageError('give --csr (the lead made their own key) or --pkcs12 (make one here), not both');
      if (!values.csr && !madeCsrPem) throw new UsageError('lead register needs --csr FILE or --pkcs12 FILE');
      candidate = {
        command: 'lead.register',
        csrPem: madeCsrPem ?? readFileSync(need(values, 'csr'), 'utf8'),
        id: need(values, 'id'),
        name: values.name?.[0] ?? need(values, 'id'),
        days: int('days', values.days, 365, 1),
      };
      break;
    case 'lead revoke':
      candidate = { command: 'lead.revoke', id: need(values, 'id'), ...(values.fingerprint ? { fingerprint: values.fingerprint.replace(/:/g, '').toLowerCase() } : {}) };
      break;
    case 'lead list':
      candidate = { command: 'lead.list' };
      break;
    case 'agreement load': {
      if (!file) throw new UsageError('agreement load needs a FILE');
      let content: unknown;
      try {
        content = JSON.parse(readFileSync(file, 'utf8'));
      } catch (err) {
        throw new UsageError(`${file}: not readable JSON (${(err as Error).message})`);
      }
      candidate = { command: 'agreement.load', source: file, content };
      break;
    }
    case 'agreement list':
      candidate = { command: 'agreement.list' };
      break;
    case 'disclosures verify':
      candidate = { command: 'disclosures.verify' };
      break;
    case 'disclosures': {
      let identifier: { type: string; value: string } | undefined;
      if (values.identifier) {
        const at = values.identifier.indexOf(':');
        if (at < 1) throw new UsageError('--identifier is TYPE:VALUE, e.g. nhs_number:9434765919');
        identifier = { type: values.identifier.slice(0, at), value: values.identifier.slice(at + 1).replace(/\s+/g, '') };
      }
      candidate = {
        command: 'disclosures.query',
        ...(identifier ? { identifier } : {}),
        ...(values.person ? { personId: values.person } : {}),
        ...(values.site ? { site: values.site } : {}),
        ...(values.from ? { from: values.from } : {}),
        ...(values.to ? { to: values.to } : {}),
        limit: int('limit', values.limit, 500, 1),
        requestedBy: userInfo().username,
      };
      break;
    }
    case 'conflicts':
      candidate = { command: 'conflicts.list', openOnly: values.open === true };
      break;
    case 'anchors':
      candidate = { command: 'anchors.list', site: need(values, 'site') };
      break;
    default:
      return null;
  }
  const parsed = adminCommandSchema.safeParse(candidate);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `${i.path.join('.') || 'command'}: ${i.message}`).join('\n'));
  return parsed.data;
}

async function runDirect(dataDir: string, command: AdminCommand): Promise<unknown> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const unlock = acquireInstanceLock(dataDir);
  try {
    const [{ openCentralStore }, { RegionCa }, { runAdminCommand }] = await Promise.all([import('./db/open'), import('./ca/region-ca'), import('./admin/commands')]);
    const store = await openCentralStore({ databaseUrl: process.env.DATABASE_URL ?? null, pgliteDir: join(dataDir, PGLITE_DIR), poolSize: 2 });
    try {
      const { ca } = await RegionCa.openOrCreate(dataDir, { now: new Date() });
      return await runAdminCommand({ store, ca, now: () => new Date() }, command);
    } finally {
      await store.close();
    }
  } finally {
    unlock();
  }
}

async function serve(dataDir: string, values: Values): Promise<void> {
  const [{ startCentral }, { defaultServerNames }] = await Promise.all([import('./app/start-central'), import('./ca/region-ca')]);
  const names = values.name && values.name.length > 0 ? values.name : defaultServerNames();
  const central = await startCentral({
    dataDir,
    databaseUrl: process.env.DATABASE_URL ?? null,
    host: values.host ?? '127.0.0.1',
    port: int('port', values.port, 8443, 0),
    serverNames: names,
    ...(values.region ? { regionName: values.region } : {}),
  });
  const log = (m: string) => process.stderr.write(`${m}\n`);
  log(`SONAR central record`);
  log(`  database: ${central.store.kind} (${central.store.location})`);
  log(`  region CA: ${central.ca.certPath}${central.caCreated ? ' (created now)' : ''}`);
  log(`  revocation list: ${central.ca.crlPath} (reloaded when it changes)`);
  log(`  admin socket: ${join(dataDir, 'admin.sock')}`);
  process.stdout.write(`${central.url}\n`);
  const stop = () => {
    log('stopping...');
    void central.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

export async function main(argv: readonly string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  const [group, action] = positionals;
  if (group === undefined || group === 'serve') return serve(dataDir, values);
  if (group === 'ca' && action === 'init') {
    const { RegionCa } = await import('./ca/region-ca');
    const { ca, created } = await RegionCa.openOrCreate(dataDir, { ...(values.region ? { name: values.region } : {}), now: new Date() });
    process.stdout.write(`${created ? 'created' : 'already present'}: ${ca.certPath}\n`);
    return;
  }
  if (group === 'ca' && action === 'show') {
    const { RegionCa } = await import('./ca/region-ca');
    process.stdout.write((await RegionCa.open(dataDir)).certPem);
    return;
  }
  // A lead without their own key: it is made here, in this process, and leaves only inside the PKCS#12 file.
  const madeKey = group === 'lead' && action === 'register' && values.pkcs12 && !values.csr ? await import('./admin/lead-pkcs12').then((m) => m.leadKeyAndCsr(values.id ?? 'lead')) : null;
  const command = buildCommand(positionals, values, madeKey?.csrPem);
  if (!command) throw new UsageError(`unknown command "${positionals.join(' ')}"\n${USAGE}`);
  const answer = await sendAdminCommand(dataDir, command);
  const result = answer === null ? await runDirect(dataDir, command) : answer.ok ? answer.result : Promise.reject(new UsageError(answer.error));
  const resolved = await result;
  if ((command.command === 'site.register' || command.command === 'lead.register') && values.out) {
    writeFileSync(values.out, (resolved as { certificatePem: string }).certificatePem);
  }
  let pkcs12: { file: string; password: string } | null = null;
  if (command.command === 'lead.register' && madeKey && values.pkcs12) {
    const { writeLeadPkcs12 } = await import('./admin/lead-pkcs12');
    pkcs12 = await writeLeadPkcs12(values.pkcs12, madeKey.keyPem, resolved as { certificatePem: string; caPem: string; name: string; lead: string });
  }
  printResult(command, resolved, { json: values.json === true, wroteTo: values.out ?? null, pkcs12 });
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename);
if (invokedDirectly) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = err instanceof UsageError ? 2 : 1;
  });
}
