// The site's TLS identity on this PC: the private key (never leaves the PC, stored wrapped like
// the database key) and the certificate the region's CA signed for it. A renewal works on a
// pending key beside the active one, so the site keeps its working identity until the new
// certificate arrives. Key and certificate are kept together in one wrapped file, so a crash can
// never pair a certificate with the wrong key. Files in the data directory:
//   site-tls.identity[.safe]  active key and certificate (wrapped)
//   site-tls.pending[.safe]   the key of the outstanding request (wrapped)
//   site-tls.csr              the outstanding certificate request (public)
//   site-tls.crt              a copy of the active certificate for IT to inspect (public)
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { KeyUnavailableError } from './key-store';
import { SecretFile, type SecretWrapping } from './secret-file';

export const SITE_TLS_FILES = {
  identity: 'site-tls.identity',
  pending: 'site-tls.pending',
  csr: 'site-tls.csr',
  certificate: 'site-tls.crt',
} as const;

const identitySchema = z.object({ keyPem: z.string().min(1), certPem: z.string().min(1) }).strict();
export type SiteIdentity = z.infer<typeof identitySchema>;
const pendingSchema = z.object({ keyPem: z.string().min(1), csrPem: z.string().min(1), createdAt: z.string() }).strict();
export type PendingRequest = z.infer<typeof pendingSchema>;

function parseSecret<T>(file: SecretFile, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(file.read().toString('utf8'));
  } catch (error) {
    if (error instanceof KeyUnavailableError) throw error;
    throw new KeyUnavailableError(`${file.file} is damaged.`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new KeyUnavailableError(`${file.file} is damaged.`);
  return parsed.data;
}

/** The first certificate of a PEM chain. */
export function leafCertificate(certPem: string): X509Certificate {
  return new X509Certificate(certPem);
}

export class SiteCredentialStore {
  private readonly identity: SecretFile;
  private readonly pendingFile: SecretFile;
  readonly csrFile: string;
  readonly certificateFile: string;

  constructor(
    readonly dataDir: string,
    wrapping: SecretWrapping,
  ) {
    this.identity = new SecretFile(join(dataDir, SITE_TLS_FILES.identity), wrapping);
    this.pendingFile = new SecretFile(join(dataDir, SITE_TLS_FILES.pending), wrapping);
    this.csrFile = join(dataDir, SITE_TLS_FILES.csr);
    this.certificateFile = join(dataDir, SITE_TLS_FILES.certificate);
  }

  get description(): string {
    return this.identity.description;
  }

  active(): SiteIdentity | null {
    return this.identity.exists() ? parseSecret(this.identity, identitySchema) : null;
  }

  pending(): PendingRequest | null {
    return this.pendingFile.exists() ? parseSecret(this.pendingFile, pendingSchema) : null;
  }

  /** Keeps a new request's key (wrapped) and its CSR, replacing any earlier outstanding request. */
  savePending(request: PendingRequest): void {
    this.pendingFile.write(Buffer.from(JSON.stringify(pendingSchema.parse(request)), 'utf8'));
    writeFileSync(this.csrFile, request.csrPem, { mode: 0o644 });
  }

  /**
   * Makes the pending key, with its signed certificate, the site's identity. The certificate must
   * be for the pending key; the caller has checked everything else.
   */
  activate(certPem: string): SiteIdentity {
    const pending = this.pending();
    if (!pending) throw new KeyUnavailableError('There is no outstanding certificate request on this PC; run "provision request" first.');
    if (!leafCertificate(certPem).checkPrivateKey(createPrivateKey(pending.keyPem))) {
      throw new KeyUnavailableError("The certificate is not for this PC's outstanding request (its public key differs).");
    }
    const identity = { keyPem: pending.keyPem, certPem };
    this.identity.write(Buffer.from(JSON.stringify(identity), 'utf8'));
    writeFileSync(this.certificateFile, certPem, { mode: 0o644 });
    this.pendingFile.remove();
    rmSync(this.csrFile, { force: true });
    return identity;
  }

  /** The outstanding CSR, as written for IT to send. */
  csr(): string | null {
    return existsSync(this.csrFile) ? readFileSync(this.csrFile, 'utf8') : null;
  }
}
