// Step 2 of provisioning: the certificate the region's CA signed comes back and is checked before
// it becomes the site's identity: it is for this PC's outstanding key, it names this site, it is
// for client authentication, and it is in date. A certificate that is not valid yet is kept (it
// will be), with words about the clock; an expired one is refused.
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { siteCertificateUri, type SiteConfig } from '../../contract/site-config';
import type { SiteCredentialStore } from '../keys/site-credentials';
import type { CaBundle } from '../net/ca-bundle';
import { ProvisionError } from './provision-request';
import { describeCertificate, formatDuration } from './provision-words';

export interface AcceptResult {
  certificate: string;
  notes: string[];
}

const BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

function parseChain(pem: string): X509Certificate[] {
  const blocks = pem.match(BLOCK) ?? [];
  if (blocks.length === 0) throw new ProvisionError('The file holds no PEM certificate (-----BEGIN CERTIFICATE-----).');
  try {
    return blocks.map((b) => new X509Certificate(b));
  } catch (error) {
    throw new ProvisionError(`The certificate cannot be read: ${(error as Error).message}`);
  }
}

export function acceptSiteCertificate(
  site: Pick<SiteConfig, 'siteCode'>,
  credentials: SiteCredentialStore,
  certPem: string,
  options: { now: Date; caBundle: CaBundle | null },
): AcceptResult {
  const pending = credentials.pending();
  if (!pending) throw new ProvisionError('There is no outstanding certificate request on this PC; run "provision request" first.');
  const chain = parseChain(certPem);
  const leaf = chain[0]!;
  if (!leaf.checkPrivateKey(createPrivateKey(pending.keyPem))) {
    throw new ProvisionError("This certificate is not for this PC's outstanding request (its public key differs). Was it signed from another PC's request?");
  }
  const uri = siteCertificateUri(site.siteCode);
  const sans = (leaf.subjectAltName ?? '').split(/,\s*/);
  if (!sans.includes(`URI:${uri}`)) {
    throw new ProvisionError(`This certificate does not name site ${site.siteCode} (subjectAltName ${uri} is missing; it has: ${leaf.subjectAltName ?? 'none'}).`);
  }
  const eku = leaf.keyUsage;
  if (eku !== undefined && eku.length > 0 && !eku.includes('1.3.6.1.5.5.7.3.2')) {
    throw new ProvisionError('This certificate is not for client authentication (extended key usage clientAuth is missing).');
  }
  const now = options.now.getTime();
  const from = Date.parse(leaf.validFrom);
  const to = Date.parse(leaf.validTo);
  if (to <= now) throw new ProvisionError(`This certificate expired ${leaf.validTo}. Ask the CA's administrator for a new one.`);

  const notes: string[] = [];
  if (from > now) {
    notes.push(
      `The certificate is not valid yet: it starts ${new Date(from).toISOString()}, ${formatDuration(from - now)} after this PC's clock (${options.now.toISOString()}). ` +
        "If that time has already passed, this PC's clock is wrong: fix the date and time. Otherwise wait until then.",
    );
  }
  if (options.caBundle) {
    const issuers = [...chain.slice(1), ...options.caBundle.certificates];
    const issuer = issuers.find((ca) => leaf.checkIssued(ca) && leaf.verify(ca.publicKey));
    if (!issuer) {
      notes.push(
        `The certificate's issuer (${leaf.issuer.replace(/\n/g, ', ')}) is not in the site policy's caBundle. That is fine only if the central trusts that CA for client certificates.`,
      );
    }
  }
  credentials.activate(certPem);
  return { certificate: describeCertificate(leaf), notes };
}
