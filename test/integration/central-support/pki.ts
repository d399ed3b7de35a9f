// Certificates made at test time (never committed): a site's own key and CSR, registered through
// the central's admin command exactly as the CLI does, plus certificates the central must refuse.
import {
  createCaCertificate,
  createCsr,
  issueLeafCertificate,
  newKeyPair,
  privateKeyToPem,
  validityFrom,
} from '../../../central/ca/certificates';

export interface SiteCredentials {
  code: string;
  keyPem: string;
  certPem: string;
  caPem: string;
  fingerprint: string;
}

export async function siteKeyAndCsr(code: string): Promise<{ keyPem: string; csrPem: string }> {
  const keys = await newKeyPair();
  const csr = await createCsr(keys, code);
  return { keyPem: await privateKeyToPem(keys.privateKey), csrPem: csr.toString('pem') };
}

/** A certificate for `code` from a CA the central has never seen. */
export async function foreignCredentials(code: string): Promise<{ keyPem: string; certPem: string }> {
  const now = new Date();
  const caKeys = await newKeyPair();
  const ca = await createCaCertificate(caKeys, 'Another region CA', validityFrom(now, 365));
  const keys = await newKeyPair();
  const cert = await issueLeafCertificate({ cert: ca, key: caKeys.privateKey }, { publicKey: keys.publicKey, commonName: code, altNames: [code], usage: 'client', validity: validityFrom(now, 30) });
  return { keyPem: await privateKeyToPem(keys.privateKey), certPem: cert.toString('pem') };
}

export interface TestPki {
  caPem: string;
  server: { keyPem: string; certPem: string };
  site: { keyPem: string; certPem: string };
  expiredSite: { keyPem: string; certPem: string };
  /** A server certificate for the right names, from a CA the site does not trust. */
  foreignServer: { keyPem: string; certPem: string };
  /** A server certificate from the right CA for another name. */
  wrongNameServer: { keyPem: string; certPem: string };
}

/** A whole small PKI in memory, for testing a client without a central. */
export async function testPki(siteCode: string): Promise<TestPki> {
  const now = new Date();
  const caKeys = await newKeyPair();
  const ca = await createCaCertificate(caKeys, 'Test region CA', validityFrom(now, 365));
  const issuer = { cert: ca, key: caKeys.privateKey };
  const leaf = async (names: string[], usage: 'client' | 'server', validity = validityFrom(now, 30), by = issuer) => {
    const keys = await newKeyPair();
    const cert = await issueLeafCertificate(by, { publicKey: keys.publicKey, commonName: names[0]!, altNames: names, usage, validity });
    return { keyPem: await privateKeyToPem(keys.privateKey), certPem: cert.toString('pem') };
  };
  const otherKeys = await newKeyPair();
  const other = await createCaCertificate(otherKeys, 'Other CA', validityFrom(now, 365));
  return {
    caPem: ca.toString('pem'),
    server: await leaf(['localhost', '127.0.0.1'], 'server'),
    site: await leaf([siteCode], 'client'),
    expiredSite: await leaf([siteCode], 'client', { notBefore: new Date(now.getTime() - 10 * 86_400_000), notAfter: new Date(now.getTime() - 86_400_000) }),
    foreignServer: await leaf(['localhost', '127.0.0.1'], 'server', validityFrom(now, 30), { cert: other, key: otherKeys.privateKey }),
    wrongNameServer: await leaf(['central.elsewhere.example'], 'server'),
  };
}
