// The region's certificate authority, kept in the central's data directory (ca/): its private key
// owner-only (0600 in a 0700 folder; a key others can read is refused), its certificate (the CA
// bundle sites trust) and the current revocation list. Created on first use. It signs site
// certificates from the site's own CSR, so a site's private key never leaves the site.
import { siteCertificateUri } from '../../contract/site-config';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import {
  certificateFingerprint,
  createCaCertificate,
  createCrl,
  crlToPem,
  importPrivateKeyPem,
  issueLeafCertificate,
  newKeyPair,
  privateKeyToPem,
  validityFrom,
  verifiedCsrKey,
  type Issuer,
  type RevokedEntry,
} from './certificates';
import { leadCertificateUri } from './lead-names';
import { x509 } from './x509';

export const CA_FILES = {
  dir: 'ca',
  key: 'ca-key.pem',
  cert: 'ca-cert.pem',
  crl: 'crl.pem',
} as const;

const SERVER_FILES = { dir: 'server', key: 'server-key.pem', cert: 'server-cert.pem' } as const;

/** How long a CRL is valid; the running central re-issues it well before then. */
export const CRL_VALID_DAYS = 30;
export const CRL_REISSUE_BEFORE_DAYS = 7;

export interface IssuedCertificate {
  pem: string;
  fingerprint: string;
  serial: string;
  san: string;
  notBefore: Date;
  notAfter: Date;
}

function writeAtomic(path: string, content: string, mode: number): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, content, { mode });
  chmodSync(tmp, mode);
  renameSync(tmp, path);
}

function refuseIfShared(path: string): void {
  const mode = statSync(path).mode & 0o777;
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new Error(`${path} can be read by other users (mode ${mode.toString(8)}); make it owner-only (chmod 600) and try again`);
  }
}

export class RegionCa {
  private constructor(
    readonly dir: string,
    private readonly issuer: Issuer,
  ) {}

  get certPem(): string {
    return this.issuer.cert.toString('pem');
  }

  get certPath(): string {
    return join(this.dir, CA_FILES.cert);
  }

  get crlPath(): string {
    return join(this.dir, CA_FILES.crl);
  }

  static exists(dataDir: string): boolean {
    return existsSync(join(dataDir, CA_FILES.dir, CA_FILES.key));
  }

  /** Opens the region CA in `dataDir`, creating it (and an empty CRL) on first use. */
  static async openOrCreate(dataDir: string, options: { name?: string; now: Date }): Promise<{ ca: RegionCa; created: boolean }> {
    const dir = join(dataDir, CA_FILES.dir);
    if (RegionCa.exists(dataDir)) return { ca: await RegionCa.open(dataDir), created: false };
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
    const keys = await newKeyPair();
    const cert = await createCaCertificate(keys, options.name ?? 'SONAR region CA', validityFrom(options.now, 3650));
    writeAtomic(join(dir, CA_FILES.key), await privateKeyToPem(keys.privateKey), 0o600);
    writeAtomic(join(dir, CA_FILES.cert), cert.toString('pem'), 0o644);
    const ca = new RegionCa(dir, { cert, key: keys.privateKey });
    await ca.writeCrl([], options.now);
    return { ca, created: true };
  }

  static async open(dataDir: string): Promise<RegionCa> {
    const dir = join(dataDir, CA_FILES.dir);
    const keyPath = join(dir, CA_FILES.key);
    if (!existsSync(keyPath)) throw new Error(`no region CA in ${dir}: run \`npm run central -- ca init\` first`);
    refuseIfShared(keyPath);
    const key = await importPrivateKeyPem(readFileSync(keyPath, 'utf8'));
    const cert = new x509.X509Certificate(readFileSync(join(dir, CA_FILES.cert), 'utf8'));
    return new RegionCa(dir, { cert, key });
  }

  /**
   * Signs a site's CSR for client authentication. The certificate names the site twice: its code as
   * a DNS name (what the central checks) and the site URI urn:sonar:site:<code> (what the site's own
   * provisioning checks before it accepts the certificate).
   */
  async signSiteCsr(csrPem: string, siteCode: string, now: Date, days: number): Promise<IssuedCertificate> {
    const publicKey = await verifiedCsrKey(csrPem);
    const cert = await issueLeafCertificate(this.issuer, {
      publicKey,
      commonName: siteCode,
      altNames: [siteCode, siteCertificateUri(siteCode)],
      usage: 'client',
      validity: validityFrom(now, days),
    });
    const pem = cert.toString('pem');
    return { pem, fingerprint: certificateFingerprint(pem), serial: cert.serialNumber, san: siteCode, notBefore: cert.notBefore, notAfter: cert.notAfter };
  }

  /**
   * Signs a governance lead's CSR for client authentication. The certificate names the lead only by
   * the URI urn:sonar:lead:<id> (no DNS name, so it can never pass as a site) and by name in its
   * common name, which is what a browser shows when it asks which certificate to use.
   */
  async signLeadCsr(csrPem: string, leadId: string, name: string, now: Date, days: number): Promise<IssuedCertificate> {
    const publicKey = await verifiedCsrKey(csrPem);
    const uri = leadCertificateUri(leadId);
    const cert = await issueLeafCertificate(this.issuer, {
      publicKey,
      commonName: `${name} (SONAR governance lead)`,
      altNames: [uri],
      usage: 'client',
      validity: validityFrom(now, days),
    });
    const pem = cert.toString('pem');
    return { pem, fingerprint: certificateFingerprint(pem), serial: cert.serialNumber, san: uri, notBefore: cert.notBefore, notAfter: cert.notAfter };
  }

  /** The revocation list the TLS server loads; written atomically so a watcher never reads half of it. */
  async writeCrl(revoked: readonly RevokedEntry[], now: Date): Promise<string> {
    const crl = await createCrl(this.issuer, revoked, now, CRL_VALID_DAYS);
    const pem = crlToPem(crl);
    writeAtomic(this.crlPath, pem, 0o644);
    return pem;
  }

  /** When the current CRL stops being valid (TLS then refuses every site until a new one is written). */
  crlNextUpdate(): Date | null {
    if (!existsSync(this.crlPath)) return null;
    const der = x509.PemConverter.decode(readFileSync(this.crlPath, 'utf8'))[0];
    if (!der) return null;
    return new x509.X509Crl(der).nextUpdate ?? null;
  }

  /**
   * The central's own TLS certificate for the names sites will use to reach it, issued by this CA
   * and kept in server/. Re-issued when the names change or it has less than 30 days left.
   */
  async serverCertificate(dataDir: string, names: readonly string[], now: Date): Promise<{ keyPem: string; certPem: string }> {
    const dir = join(dataDir, SERVER_FILES.dir);
    const keyPath = join(dir, SERVER_FILES.key);
    const certPath = join(dir, SERVER_FILES.cert);
    const wanted = [...new Set(names)].sort();
    if (existsSync(keyPath) && existsSync(certPath)) {
      refuseIfShared(keyPath);
      const cert = new x509.X509Certificate(readFileSync(certPath, 'utf8'));
      const san = cert.getExtension(x509.SubjectAlternativeNameExtension);
      const have = (san?.names.items ?? []).map((n) => n.value).sort();
      const fresh = cert.notAfter.getTime() - now.getTime() > 30 * 86_400_000;
      if (fresh && have.join(',') === wanted.join(',')) return { keyPem: readFileSync(keyPath, 'utf8'), certPem: readFileSync(certPath, 'utf8') };
    }
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const keys = await newKeyPair();
    const cert = await issueLeafCertificate(this.issuer, { publicKey: keys.publicKey, commonName: wanted[0] ?? 'localhost', altNames: wanted, usage: 'server', validity: validityFrom(now, 397) });
    const keyPem = await privateKeyToPem(keys.privateKey);
    writeAtomic(keyPath, keyPem, 0o600);
    writeAtomic(certPath, cert.toString('pem'), 0o644);
    return { keyPem, certPem: cert.toString('pem') };
  }
}

/** Names a central is reached by when none are given: this machine and loopback. */
export function defaultServerNames(): string[] {
  return ['localhost', '127.0.0.1', hostname()];
}
