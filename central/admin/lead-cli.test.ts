// `npm run central -- lead ...` as the region administrator runs it, against a running central
// (through its admin socket): a lead's certificate from their own CSR, or a PKCS#12 file made by the
// CLI with a password printed once; the list; revocation into the CRL; clear refusals.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fastestBackend } from '../../test/integration/central-support/backends';
import { siteKeyAndCsr } from '../../test/integration/central-support/pki';
import { startCentral, type Central } from '../app/start-central';
import { x509 } from '../ca/x509';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'sonar-lead-cli-'));
const dataDir = join(dir, 'central');

/** Runs the CLI without blocking this process, which is serving the central the CLI talks to. */
function cli(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'central', 'cli.ts'), ...args, '--data-dir', dataDir], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

describe('the lead commands of the central CLI', () => {
  let central: Central;
  let drop: () => Promise<void> = async () => undefined;
  let pkcs12Serial = '';

  beforeAll(async () => {
    const db = await fastestBackend().create();
    drop = db.drop;
    central = await startCentral({ dataDir, databaseUrl: db.url, host: '127.0.0.1', port: 0, serverNames: ['localhost'], poolSize: 2 });
  }, 120_000);
  afterAll(async () => {
    await central?.close();
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('makes a key, registers it and writes a PKCS#12 file (owner-only) with a password shown once', async () => {
    const file = join(dir, 'lead.p12');
    const r = await cli('lead', 'register', '--id', 'j.okafor', '--name', 'Jo Okafor', '--pkcs12', file);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('registered governance lead j.okafor (Jo Okafor) as urn:sonar:lead:j.okafor');
    const password = r.stdout.trim();
    expect(password).toMatch(/^[a-zA-Z2-9]{5}(-[a-zA-Z2-9]{5}){3}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const pfx = readFileSync(file);
    expect(() => tls.createSecureContext({ pfx, passphrase: password })).not.toThrow();
    expect(() => tls.createSecureContext({ pfx, passphrase: 'not-the-password' })).toThrow();
    const json = JSON.parse((await cli('lead', 'list', '--json')).stdout) as { id: string; active_certificates: number | string }[];
    expect(json.map((l) => [l.id, Number(l.active_certificates)])).toEqual([['j.okafor', 1]]);
    pkcs12Serial = JSON.parse((await cli('lead', 'register', '--id', 'j.okafor', '--name', 'Jo Okafor', '--pkcs12', join(dir, 'second.p12'), '--json')).stdout).serial;
  }, 120_000);

  it("signs a lead's own CSR: the certificate names the lead by URI only", async () => {
    const { csrPem } = await siteKeyAndCsr('anything');
    writeFileSync(join(dir, 'lead.csr'), csrPem);
    const r = await cli('lead', 'register', '--id', 'a.smith', '--name', 'Ash Smith', '--csr', join(dir, 'lead.csr'), '--out', join(dir, 'lead.pem'));
    expect(r.status, r.stderr).toBe(0);
    const cert = new x509.X509Certificate(readFileSync(join(dir, 'lead.pem'), 'utf8'));
    const names = cert.getExtension(x509.SubjectAlternativeNameExtension)?.names.items.map((n) => [n.type, n.value]);
    expect(names).toEqual([['url', 'urn:sonar:lead:a.smith']]);
    expect(cert.subject).toBe('CN=Ash Smith (SONAR governance lead)');
  }, 60_000);

  it('revokes every certificate of a lead into the revocation list', async () => {
    const r = await cli('lead', 'revoke', '--id', 'j.okafor');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('revoked 2 certificate(s) of governance lead j.okafor');
    const crl = new x509.X509Crl(readFileSync(join(dataDir, 'ca', 'crl.pem'), 'utf8'));
    expect(crl.entries.map((e) => e.serialNumber)).toContain(pkcs12Serial);
    expect((await cli('lead', 'revoke', '--id', 'j.okafor')).stderr).toContain('governance lead j.okafor has no active certificate');
  }, 60_000);

  it('refuses a register without a key source, or with both, and an id that is not one', async () => {
    expect(await cli('lead', 'register', '--id', 'x.y', '--name', 'X')).toMatchObject({ status: 2, stderr: expect.stringContaining('needs --csr FILE or --pkcs12 FILE') });
    expect(await cli('lead', 'register', '--id', 'x.y', '--csr', 'a', '--pkcs12', 'b')).toMatchObject({ status: 2, stderr: expect.stringContaining('not both') });
    expect(await cli('lead', 'register', '--id', 'Jo Okafor!', '--csr', join(dir, 'lead.csr'))).toMatchObject({ status: 2, stderr: expect.stringContaining('a lead id is 1-40 lower-case letters') });
  }, 60_000);
});
