// A throwaway PKI made at test time (no certificate or key is ever committed): a region CA, server
// certificates for 127.0.0.1/localhost, and a signer for the site's CSR, as the central's
// administrator would sign it.
import { webcrypto } from 'node:crypto';
import { toPem, x509 } from '../../main/net/x509';

const EC = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;
const DAY = 24 * 60 * 60 * 1000;

export interface TestCa {
  name: string;
  certPem: string;
  keys: CryptoKeyPair;
  cert: x509.X509Certificate;
}

export interface Validity {
  notBefore?: Date;
  notAfter?: Date;
}

async function keyPair(): Promise<CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as CryptoKeyPair;
}

async function privatePem(keys: CryptoKeyPair): Promise<string> {
  return toPem(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey), 'PRIVATE KEY');
}

export async function createCa(name = 'SONAR Test Region CA', validity: Validity = {}): Promise<TestCa> {
  const keys = await keyPair();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    name: `CN=${name}`,
    keys,
    signingAlgorithm: SIGN,
    notBefore: validity.notBefore ?? new Date(Date.now() - DAY),
    notAfter: validity.notAfter ?? new Date(Date.now() + 365 * DAY),
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { name, certPem: cert.toString('pem'), keys, cert };
}

async function issue(ca: TestCa, subject: string, publicKey: CryptoKey | x509.PublicKey, extensions: x509.Extension[], validity: Validity): Promise<string> {
  const cert = await x509.X509CertificateGenerator.create({
    subject,
    issuer: ca.cert.subject,
    publicKey,
    signingKey: ca.keys.privateKey,
    signingAlgorithm: SIGN,
    notBefore: validity.notBefore ?? new Date(Date.now() - DAY),
    notAfter: validity.notAfter ?? new Date(Date.now() + 90 * DAY),
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      await x509.AuthorityKeyIdentifierExtension.create(ca.keys.publicKey),
      ...extensions,
    ],
  });
  return cert.toString('pem');
}

/** A server certificate for the loopback address, signed by `ca`. */
export async function issueServerCert(ca: TestCa, validity: Validity = {}): Promise<{ certPem: string; keyPem: string }> {
  const keys = await keyPair();
  const certPem = await issue(
    ca,
    'CN=localhost',
    keys.publicKey,
    [
      new x509.SubjectAlternativeNameExtension([
        { type: 'dns', value: 'localhost' },
        { type: 'ip', value: '127.0.0.1' },
      ]),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
    ],
    validity,
  );
  return { certPem, keyPem: await privatePem(keys) };
}

/** Signs a site's CSR as the central's administrator would: its subject and SAN, client auth only. */
export async function signCsr(ca: TestCa, csrPem: string, validity: Validity = {}): Promise<string> {
  const csr = new x509.Pkcs10CertificateRequest(csrPem);
  if (!(await csr.verify())) throw new Error('CSR signature does not verify');
  const sanRaw = csr.getExtension('2.5.29.17');
  const san = sanRaw ? new x509.SubjectAlternativeNameExtension(sanRaw.rawData) : null;
  return issue(
    ca,
    csr.subject,
    csr.publicKey,
    [
      ...(san ? [san] : []),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth]),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
    ],
    validity,
  );
}

/** A client certificate with a fresh key (for tests that need one without provisioning). */
export async function issueClientCert(ca: TestCa, siteCode: string, validity: Validity = {}): Promise<{ certPem: string; keyPem: string }> {
  const keys = await keyPair();
  const certPem = await issue(
    ca,
    `CN=${siteCode}`,
    keys.publicKey,
    [
      new x509.SubjectAlternativeNameExtension([{ type: 'url', value: `urn:sonar:site:${siteCode}` }]),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth]),
    ],
    validity,
  );
  return { certPem, keyPem: await privatePem(keys) };
}
