// Making and reading the region's certificates: the CA, site client certificates (from a CSR the
// site made, so its private key never leaves the site), the central's server certificate and the
// revocation list. ECDSA P-256 with SHA-256 throughout: small, fast handshakes, supported by every
// TLS 1.3 stack the sites use.
import { createHash, randomBytes, webcrypto } from 'node:crypto';
import { isIP } from 'node:net';
import { x509 } from './x509';

export const EC_KEY: EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' };
export const EC_SIGNING: EcdsaParams = { name: 'ECDSA', hash: 'SHA-256' };

const DAY_MS = 86_400_000;

export async function newKeyPair(): Promise<CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(EC_KEY, true, ['sign', 'verify'])) as CryptoKeyPair;
}

export async function privateKeyToPem(key: CryptoKey): Promise<string> {
  const der = await webcrypto.subtle.exportKey('pkcs8', key);
  return x509.PemConverter.encode(der, 'PRIVATE KEY');
}

export async function importPrivateKeyPem(pem: string): Promise<CryptoKey> {
  const der = x509.PemConverter.decode(pem)[0];
  if (!der) throw new Error('no PEM block in the private key file');
  return webcrypto.subtle.importKey('pkcs8', der, EC_KEY, true, ['sign']) as Promise<CryptoKey>;
}

/** Lower-case hex SHA-256 of the certificate's DER: what TLS peers present as `fingerprint256`. */
export function certificateFingerprint(certPem: string): string {
  const der = x509.PemConverter.decode(certPem)[0];
  if (!der) throw new Error('no PEM block in the certificate');
  return createHash('sha256').update(Buffer.from(der)).digest('hex');
}

/** Node's `fingerprint256` ("AB:CD:...") in the form we store. */
export function normaliseFingerprint(colonHex: string): string {
  return colonHex.replace(/:/g, '').toLowerCase();
}

function serial(): string {
  // 16 random bytes with the top bit cleared: a positive integer, as RFC 5280 asks.
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] as number) & 0x7f;
  return bytes.toString('hex');
}

export interface Validity {
  notBefore: Date;
  notAfter: Date;
}

export function validityFrom(now: Date, days: number): Validity {
  // Back-dated a little so a site whose clock is a few minutes slow can still use a new certificate.
  return { notBefore: new Date(now.getTime() - 10 * 60_000), notAfter: new Date(now.getTime() + days * DAY_MS) };
}

export async function createCaCertificate(keys: CryptoKeyPair, name: string, validity: Validity): Promise<x509.X509Certificate> {
  return x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `CN=${escapeDn(name)}`,
    ...validity,
    signingAlgorithm: EC_SIGNING,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
}

export interface Issuer {
  cert: x509.X509Certificate;
  key: CryptoKey;
}

export interface LeafRequest {
  publicKey: CryptoKey | x509.PublicKey;
  commonName: string;
  /** DNS names (and, for the server, IP addresses; for a site, its urn:sonar:site: URI) the certificate is for. */
  altNames: string[];
  usage: 'client' | 'server';
  validity: Validity;
}

export async function issueLeafCertificate(issuer: Issuer, request: LeafRequest): Promise<x509.X509Certificate> {
  const altNames = request.altNames.map((n) =>
    isIP(n) ? { type: 'ip' as const, value: n } : n.startsWith('urn:') ? { type: 'url' as const, value: n } : { type: 'dns' as const, value: n },
  );
  return x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: `CN=${escapeDn(request.commonName)}`,
    issuer: issuer.cert.subject,
    ...request.validity,
    signingAlgorithm: EC_SIGNING,
    publicKey: request.publicKey,
    signingKey: issuer.key,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([request.usage === 'client' ? x509.ExtendedKeyUsage.clientAuth : x509.ExtendedKeyUsage.serverAuth], false),
      new x509.SubjectAlternativeNameExtension(altNames, false),
      await x509.AuthorityKeyIdentifierExtension.create(issuer.cert, false),
    ],
  });
}

export interface RevokedEntry {
  /** Hex serial number as printed by the CA. */
  serial: string;
  revokedAt: Date;
}

export async function createCrl(issuer: Issuer, revoked: readonly RevokedEntry[], now: Date, validDays: number): Promise<x509.X509Crl> {
  return x509.X509CrlGenerator.create({
    issuer: issuer.cert.subject,
    thisUpdate: new Date(now.getTime() - 60_000),
    nextUpdate: new Date(now.getTime() + validDays * DAY_MS),
    entries: revoked.map((r) => ({ serialNumber: r.serial, revocationDate: r.revokedAt, reason: x509.X509CrlReason.unspecified })),
    signingAlgorithm: EC_SIGNING,
    signingKey: issuer.key,
  });
}

/** OpenSSL (and so Node's TLS) reads a CRL only under the `X509 CRL` PEM label. */
export function crlToPem(crl: x509.X509Crl): string {
  return x509.PemConverter.encode(crl.rawData, 'X509 CRL');
}

export async function createCsr(keys: CryptoKeyPair, commonName: string): Promise<x509.Pkcs10CertificateRequest> {
  return x509.Pkcs10CertificateRequestGenerator.create({ name: `CN=${escapeDn(commonName)}`, keys, signingAlgorithm: EC_SIGNING });
}

/** A CSR's public key, once its self-signature proves the requester holds the private key. */
export async function verifiedCsrKey(csrPem: string): Promise<x509.PublicKey> {
  let csr: x509.Pkcs10CertificateRequest;
  try {
    csr = new x509.Pkcs10CertificateRequest(csrPem);
  } catch (err) {
    throw new Error(`the certificate signing request is not a PEM or DER PKCS#10 request (${(err as Error).message})`, { cause: err });
  }
  if (!(await csr.verify())) throw new Error('the certificate signing request is not signed by its own key');
  const algorithm = csr.publicKey.algorithm as EcKeyAlgorithm;
  if (algorithm.name !== 'ECDSA' || algorithm.namedCurve !== 'P-256') {
    throw new Error(`the request's key must be ECDSA P-256 (got ${algorithm.name}${algorithm.namedCurve ? ` ${algorithm.namedCurve}` : ''})`);
  }
  return csr.publicKey;
}

function escapeDn(value: string): string {
  return value.replace(/([,+"\\<>;=])/g, '\\$1');
}
