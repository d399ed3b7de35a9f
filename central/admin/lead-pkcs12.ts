// `lead register --pkcs12 FILE`: for a lead who cannot make their own key, the CLI makes it (in its
// own process, never in the running central), registers the CSR, and writes key and certificate
// into one PKCS#12 file (owner-only) under a new random password that is printed once and kept
// nowhere. The file and the password should reach the lead by different routes.
import { writeFileSync, chmodSync } from 'node:fs';
import { createCsr, newKeyPair, privateKeyToPem } from '../ca/certificates';
import { newPkcs12Password, pkcs12Bundle } from '../ca/pkcs12';

export async function leadKeyAndCsr(id: string): Promise<{ keyPem: string; csrPem: string }> {
  const keys = await newKeyPair();
  const csr = await createCsr(keys, id);
  return { keyPem: await privateKeyToPem(keys.privateKey), csrPem: csr.toString('pem') };
}

export async function writeLeadPkcs12(
  file: string,
  keyPem: string,
  registered: { certificatePem: string; caPem: string; name: string; lead: string },
): Promise<{ file: string; password: string }> {
  const password = newPkcs12Password();
  const bundle = await pkcs12Bundle({ keyPem, certPem: registered.certificatePem, caPem: registered.caPem, friendlyName: `${registered.name} (SONAR governance lead)`, password });
  writeFileSync(file, bundle, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { file, password };
}
