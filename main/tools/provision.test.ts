// Provisioning a site end to end on loopback: a real TLS server standing in for the central (CA
// made at test time, client certificate required, TLS 1.3), reached through a real CONNECT proxy
// that tunnels and through one that refuses; the key pair, CSR, signed certificate and the
// plain-words report of each thing that can be wrong.
import { X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCa, issueServerCert, signCsr, type TestCa } from '../../test/support/test-pki';
import { startConnectProxy, startMtlsServer, type TestProxy, type TestServer } from '../../test/support/tls-fixtures';
import type { PolicySources } from '../app/policy/resolve-site-settings';
import { safeStorageWrapping } from '../keys/safe-storage-wrapping';
import { ownerOnlyFile, type SecretWrapping } from '../keys/secret-file';
import { x509 } from '../net/x509';
import { environmentProxyResolver } from '../net/proxy-setting';
import { runProvision, type ProvisionEnvironment } from './provision-commands';

const DAY = 24 * 60 * 60 * 1000;
let ca: TestCa;
let otherCa: TestCa;
let central: TestServer;
let proxy: TestProxy;
let refusing: TestProxy;
let root: string;
let dataDir: string;
let machineFile: string;
let caFile: string;

beforeAll(async () => {
  ca = await createCa('Test Region CA');
  otherCa = await createCa('Another Region CA');
  central = await startMtlsServer({ ...(await issueServerCert(ca)), clientCaPem: ca.certPem });
  proxy = await startConnectProxy();
  refusing = await startConnectProxy({ refuseWith: 403 });
});
afterAll(async () => {
  await Promise.all([central.close(), proxy.close(), refusing.close()]);
});

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'sonar-provision-'));
  dataDir = join(root, 'data');
  mkdirSync(join(root, 'etc'));
  chmodSync(join(root, 'etc'), 0o755);
  machineFile = join(root, 'etc', 'site.json');
  caFile = join(root, 'etc', 'region-ca.pem');
  writeFileSync(caFile, ca.certPem);
  setPolicy({});
  return () => rmSync(root, { recursive: true, force: true });
});

function setPolicy(overrides: Record<string, unknown>): void {
  const policy = { siteCode: 'HMPLEEDS', siteName: 'HMP Leeds, Healthcare', siteType: 'prison', centralUrl: central.url, caBundle: caFile, syncEnabled: true, proxy: proxy.url.href.replace(/\/$/, ''), ...overrides };
  writeFileSync(machineFile, JSON.stringify(policy), { mode: 0o644 });
  chmodSync(machineFile, 0o644);
}

const policySources = (): PolicySources => ({ readRegistry: () => null, machineFile, platform: 'linux' });

function env(overrides: Partial<ProvisionEnvironment> = {}): ProvisionEnvironment {
  return { dataDir, policy: policySources(), packaged: true, wrapping: ownerOnlyFile, systemProxy: environmentProxyResolver({}), now: () => new Date(), ...overrides };
}

async function run(args: string[], e: ProvisionEnvironment = env()) {
  return runProvision(args, e);
}

/** request -> the CA signs -> accept. Returns the certificate file. */
async function provision(e: ProvisionEnvironment = env(), validity: { notBefore?: Date; notAfter?: Date } = {}): Promise<string> {
  const requested = await run(['request', '--out', join(root, 'site.csr')], e);
  expect(requested.exitCode, requested.output).toBe(0);
  const certFile = join(root, 'site.crt');
  writeFileSync(certFile, await signCsr(ca, readFileSync(join(root, 'site.csr'), 'utf8'), validity));
  const accepted = await run(['accept', certFile], e);
  expect(accepted.exitCode, accepted.output).toBe(0);
  return certFile;
}

describe('request', () => {
  it('makes a CSR that names the site, and keeps the private key on this PC only', async () => {
    const result = await run(['request', '--out', join(root, 'site.csr')]);
    expect(result.exitCode, result.output).toBe(0);
    expect(result.output).toMatch(/Public key SHA-256: ([0-9A-F]{2}:){31}[0-9A-F]{2}/);
    expect(result.output).not.toContain('PRIVATE KEY');
    const csr = new x509.Pkcs10CertificateRequest(readFileSync(join(root, 'site.csr'), 'utf8'));
    expect(await csr.verify()).toBe(true);
    expect(csr.subject).toBe('CN=HMPLEEDS, O=HMP Leeds\\, Healthcare');
    expect(csr.getExtension('2.5.29.17')).not.toBeNull();
    expect(new x509.SubjectAlternativeNameExtension(csr.getExtension('2.5.29.17')!.rawData).names.items.map((n) => n.value)).toEqual(['urn:sonar:site:HMPLEEDS']);
    // The key is in an owner-only file in the data directory and nowhere else.
    const pending = join(dataDir, 'site-tls.pending');
    expect(statSync(pending).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(root, 'site.csr'), 'utf8')).not.toContain('PRIVATE KEY');
  });

  it('wraps the private key with the OS keystore when given one: its bytes appear in no file', async () => {
    const fakeKeystore = {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (s: string) => Buffer.from(`wrapped:${Buffer.from(s).toString('hex').split('').reverse().join('')}`),
      decryptString: (b: Buffer) => Buffer.from(b.toString().slice('wrapped:'.length).split('').reverse().join(''), 'hex').toString(),
    };
    const wrapping: SecretWrapping = safeStorageWrapping(fakeKeystore, 'linux');
    await provision(env({ wrapping }));
    const files = readdirSync(dataDir);
    expect(files.sort()).toEqual(['site-tls.crt', 'site-tls.identity.safe']);
    const status = await run(['status'], env({ wrapping }));
    expect(status.output).toContain('wrapped by the OS keystore');
    // Unwrapped through the keystore, the key works; on disk, no PEM and no key material in clear.
    for (const f of files) expect(readFileSync(join(dataDir, f), 'utf8')).not.toContain('PRIVATE KEY');
    expect((await run(['check'], env({ wrapping }))).exitCode).toBe(0);
  });

  it('refuses a second request while one is outstanding, unless told to replace it', async () => {
    expect((await run(['request'])).exitCode).toBe(0);
    const again = await run(['request']);
    expect(again.exitCode).toBe(1);
    expect(again.output).toMatch(/still outstanding .* --replace/);
    expect((await run(['request', '--replace'])).output).toMatch(/^Replaced the earlier request/);
  });

  it('without site policy on an installed PC stops with the message for IT', async () => {
    rmSync(machineFile);
    const result = await run(['request']);
    expect(result.exitCode).toBe(1);
    expect(result.output).toContain('SONAR has no site policy on this computer');
    expect(existsSync(dataDir)).toBe(false);
  });
});

describe('accept', () => {
  it('refuses a certificate for another key, for another site, or expired', async () => {
    await run(['request', '--out', join(root, 'site.csr')]);
    const csrPem = readFileSync(join(root, 'site.csr'), 'utf8');
    // Another PC's request, signed: right site, wrong key.
    const otherDir = join(root, 'other');
    await run(['request', '--out', join(root, 'other.csr')], env({ dataDir: otherDir }));
    writeFileSync(join(root, 'other.crt'), await signCsr(ca, readFileSync(join(root, 'other.csr'), 'utf8')));
    expect((await run(['accept', join(root, 'other.crt')])).output).toContain("not for this PC's outstanding request");
    // Another site's request, same key is impossible to fake here; a certificate naming another site:
    setPolicy({ siteCode: 'HMPWAKE' });
    writeFileSync(join(root, 'site.crt'), await signCsr(ca, csrPem));
    expect((await run(['accept', join(root, 'site.crt')])).output).toContain('does not name site HMPWAKE');
    setPolicy({});
    writeFileSync(join(root, 'old.crt'), await signCsr(ca, csrPem, { notBefore: new Date(Date.now() - 10 * DAY), notAfter: new Date(Date.now() - DAY) }));
    expect((await run(['accept', join(root, 'old.crt')])).output).toMatch(/expired/);
    expect(existsSync(join(dataDir, 'site-tls.identity'))).toBe(false);
  });
});

describe('check: reaching the central', () => {
  it('succeeds through the CONNECT proxy, with the site certificate carried end to end', async () => {
    await provision();
    const before = central.clients.length;
    const result = await run(['check']);
    expect(result.exitCode, result.output).toBe(0);
    expect(result.output).toContain(`Reached 127.0.0.1:${central.port} through the proxy ${proxy.url.host} (set in the site policy) over TLSv1.3`);
    expect(result.output).toContain("This PC's clock agrees with the central's");
    expect(result.output).not.toContain('PROBLEM');
    expect(proxy.connects).toContain(`127.0.0.1:${central.port}`);
    expect(central.clients.slice(before)).toEqual(['HMPLEEDS']);
  });

  it('uses the system proxy when the policy says "system"', async () => {
    setPolicy({ proxy: 'system' });
    await provision();
    const connects = proxy.connects.length;
    const result = await run(['check'], env({ systemProxy: environmentProxyResolver({ HTTPS_PROXY: proxy.url.href }) }));
    expect(result.exitCode, result.output).toBe(0);
    expect(result.output).toContain("(the system's proxy)");
    expect(proxy.connects.length).toBe(connects + 1);
  });

  it('through a proxy that refuses CONNECT, fails with those words', async () => {
    await provision();
    setPolicy({ proxy: refusing.url.href });
    const result = await run(['check']);
    expect(result.exitCode).toBe(1);
    expect(result.output).toContain(`PROBLEM  Connection: Could not reach 127.0.0.1:${central.port} through the proxy ${refusing.url.host}`);
    expect(result.output).toContain('refused to open a tunnel (CONNECT)');
    expect(result.output).toContain('HTTP 403 Forbidden');
    expect(result.output).toContain('Ask the network team to allow CONNECT');
  });

  it('with the wrong CA in the policy, says so', async () => {
    await provision();
    writeFileSync(caFile, otherCa.certPem);
    const result = await run(['check']);
    expect(result.exitCode).toBe(1);
    expect(result.output).toContain('not issued by the CA in the site policy (caBundle)');
    expect(result.output).toContain('TLS-inspecting proxy');
  });

  it("reports clock skew from the central's time", async () => {
    await provision();
    const result = await run(['check'], env({ now: () => new Date(Date.now() + 2 * 60 * 60 * 1000 + 5 * 60 * 1000) }));
    expect(result.exitCode).toBe(1);
    expect(result.output).toContain("PROBLEM  Clock: This PC's clock is 2 hours 5 minutes ahead of the central's (clock skew)");
  });

  it('reports a site certificate that is not valid yet, at accept and at check', async () => {
    const requested = await run(['request', '--out', join(root, 'site.csr')]);
    expect(requested.exitCode).toBe(0);
    writeFileSync(join(root, 'site.crt'), await signCsr(ca, readFileSync(join(root, 'site.csr'), 'utf8'), { notBefore: new Date(Date.now() + 3 * DAY) }));
    const accepted = await run(['accept', join(root, 'site.crt')]);
    expect(accepted.exitCode).toBe(0);
    expect(accepted.output).toMatch(/Note: The certificate is not valid yet: it starts .*, 3 days after this PC's clock/);
    const checked = await run(['check']);
    expect(checked.exitCode).toBe(1);
    expect(checked.output).toMatch(/PROBLEM {2}Site certificate: Not valid yet: .*If that time has passed, this PC's clock is wrong/);
    // The central refuses it as well: the connection line says the certificate was not accepted.
    expect(checked.output).toMatch(/PROBLEM {2}Connection: .*does not accept this site's certificate/);
  });

  it('before any certificate, says what to run', async () => {
    const result = await run(['check']);
    expect(result.exitCode).toBe(1);
    expect(result.output).toContain('This PC has no site certificate yet: run "provision request", then "provision accept".');
  });

  it('status shows each setting with where it came from, and the certificate', async () => {
    const certFile = await provision();
    const result = await run(['status']);
    expect(result.output).toContain(`siteCode = "HMPLEEDS"  [the site policy file ${machineFile}]`);
    expect(result.output).toContain('updateMode = "none"  [default]');
    expect(result.output).toContain(new X509Certificate(readFileSync(certFile)).fingerprint256);
  });
});
