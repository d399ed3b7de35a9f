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
