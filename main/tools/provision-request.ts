// Step 1 of provisioning: a new key pair for the site (ECDSA P-256) made on this PC, its private
// key stored wrapped at once (it never leaves the PC, is never printed), and a certificate signing
// request for the region's CA. The request names the site as the central checks it: subject
// CN=<site code>, O=<site name>, and the subjectAltName URI urn:sonar:site:<site code>.
import { createHash } from 'node:crypto';
import { siteCertificateUri, type SiteConfig } from '../../contract/site-config';
import type { PendingRequest, SiteCredentialStore } from '../keys/site-credentials';
import { toPem, webcrypto, x509 } from '../net/x509';

const EC = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;

export interface RequestResult {
  csrPem: string;
  csrFile: string;
  /** SHA-256 of the public key (SubjectPublicKeyInfo), to read to the CA's administrator by phone. */
  publicKeySha256: string;
  replacedEarlierRequest: boolean;
}

export class ProvisionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProvisionError';
  }
}

export async function createSiteRequest(
  site: Pick<SiteConfig, 'siteCode' | 'siteName' | 'demo'>,
  credentials: SiteCredentialStore,
  options: { replace: boolean; now: Date },
): Promise<RequestResult> {
  if (site.demo) throw new ProvisionError('The demo site is not provisioned: it never syncs with a central.');
  const earlier = credentials.pending();
  if (earlier && !options.replace) {
    throw new ProvisionError(
      `A certificate request made ${earlier.createdAt} is still outstanding (${credentials.csrFile}). ` +
        'Send that one, or start again with --replace (the earlier request can then no longer be accepted).',
    );
  }
  const keys = (await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    // The JSON form of a name needs no escaping of commas or quotes in a site's name.
    name: [{ CN: [site.siteCode] }, { O: [site.siteName] }],
    keys,
    signingAlgorithm: SIGN,
    extensions: [
      new x509.SubjectAlternativeNameExtension([{ type: 'url', value: siteCertificateUri(site.siteCode) }]),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth]),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
    ],
  });
  const keyPem = toPem(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey), 'PRIVATE KEY');
  const spki = Buffer.from(await webcrypto.subtle.exportKey('spki', keys.publicKey));
  const csrPem = csr.toString('pem') + '\n';
  const request: PendingRequest = { keyPem, csrPem, createdAt: options.now.toISOString() };
  credentials.savePending(request);
  return {
    csrPem,
    csrFile: credentials.csrFile,
    publicKeySha256: createHash('sha256').update(spki).digest('hex').replace(/(..)(?!$)/g, '$1:').toUpperCase(),
    replacedEarlierRequest: earlier !== null,
  };
}
