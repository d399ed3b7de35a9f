import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webcrypto } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createCsr, EC_SIGNING, newKeyPair } from './certificates';
import { CA_FILES, RegionCa } from './region-ca';
import { x509 } from './x509';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'sonar-ca-test-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the region CA', () => {
  it('is created on first use with an owner-only key, and reopened as the same CA', async () => {
    const dir = tempDir();
    const now = new Date();
    const first = await RegionCa.openOrCreate(dir, { name: 'Test region', now });
    expect(first.created).toBe(true);
    expect(statSync(join(dir, CA_FILES.dir, CA_FILES.key)).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, CA_FILES.dir)).mode & 0o777).toBe(0o700);
    const again = await RegionCa.openOrCreate(dir, { now });
    expect(again.created).toBe(false);
    expect(again.ca.certPem).toBe(first.ca.certPem);
    expect(readFileSync(first.ca.crlPath, 'utf8')).toMatch(/^-----BEGIN X509 CRL-----/);
  });

  it('refuses a key file that other users can read', async () => {
    const dir = tempDir();
    await RegionCa.openOrCreate(dir, { now: new Date() });
    chmodSync(join(dir, CA_FILES.dir, CA_FILES.key), 0o640);
    await expect(RegionCa.open(dir)).rejects.toThrow(/owner-only/);
  });

  it('signs a site CSR with the site code as the only SAN, for client authentication', async () => {
    const { ca } = await RegionCa.openOrCreate(tempDir(), { now: new Date() });
    const keys = await newKeyPair();
    const csr = await createCsr(keys, 'ignored-name');
    const issued = await ca.signSiteCsr(csr.toString('pem'), 'CUST01', new Date(), 365);
    const cert = new x509.X509Certificate(issued.pem);
    expect(cert.getExtension(x509.SubjectAlternativeNameExtension)?.names.items.map((n) => [n.type, n.value])).toEqual([
      ['dns', 'CUST01'],
      ['url', 'urn:sonar:site:CUST01'],
    ]);
    expect(cert.getExtension(x509.ExtendedKeyUsageExtension)?.usages).toEqual([x509.ExtendedKeyUsage.clientAuth]);
    expect(await cert.verify({ publicKey: new x509.X509Certificate(ca.certPem).publicKey })).toBe(true);
    expect(issued.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a CSR that is not signed by its own key, or not ECDSA P-256', async () => {
    const { ca } = await RegionCa.openOrCreate(tempDir(), { now: new Date() });
    await expect(ca.signSiteCsr('-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----', 'CUST01', new Date(), 30)).rejects.toThrow(/not a PEM or DER/);
    const rsa = (await webcrypto.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const rsaCsr = await x509.Pkcs10CertificateRequestGenerator.create({ name: 'CN=x', keys: rsa, signingAlgorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } });
    await expect(ca.signSiteCsr(rsaCsr.toString('pem'), 'CUST01', new Date(), 30)).rejects.toThrow(/ECDSA P-256/);
    // A request whose key does not match its signature.
    const a = await newKeyPair();
    const b = await newKeyPair();
    const forged = await x509.Pkcs10CertificateRequestGenerator.create({ name: 'CN=x', keys: { publicKey: a.publicKey, privateKey: b.privateKey }, signingAlgorithm: EC_SIGNING });
    await expect(ca.signSiteCsr(forged.toString('pem'), 'CUST01', new Date(), 30)).rejects.toThrow(/not signed by its own key/);
  });

  it('lists revoked serials in the CRL it writes', async () => {
    const { ca } = await RegionCa.openOrCreate(tempDir(), { now: new Date() });
    await ca.writeCrl([{ serial: '0abc12', revokedAt: new Date() }], new Date());
    const crl = new x509.X509Crl(readFileSync(ca.crlPath, 'utf8'));
    expect(crl.entries.map((e) => e.serialNumber)).toEqual(['0abc12']);
    expect(ca.crlNextUpdate()!.getTime()).toBeGreaterThan(Date.now() + 20 * 86_400_000);
  });
});
