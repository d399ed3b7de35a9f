// The site policy's caBundle (PEM text, or the path of a PEM file) as PEM text and parsed
// certificates, checked when read: a bundle that holds no certificate is refused by name rather
// than turning every later connection into a puzzling "wrong CA".
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';

export interface CaBundle {
  pem: string;
  certificates: X509Certificate[];
  /** Where it came from, for messages. */
  source: string;
}

export class CaBundleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CaBundleError';
  }
}

const BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

export function loadCaBundle(setting: string): CaBundle {
  const inline = setting.trimStart().startsWith('-----BEGIN');
  const source = inline ? 'caBundle (PEM in the site policy)' : `caBundle file ${setting}`;
  let pem: string;
  try {
    pem = inline ? setting : readFileSync(setting, 'utf8');
  } catch (error) {
    throw new CaBundleError(`The ${source} could not be read: ${(error as Error).message}`);
  }
  const blocks = pem.match(BLOCK) ?? [];
  if (blocks.length === 0) throw new CaBundleError(`The ${source} holds no PEM certificate.`);
  const certificates = blocks.map((block, i) => {
    try {
      return new X509Certificate(block);
    } catch (error) {
      throw new CaBundleError(`Certificate ${i + 1} in the ${source} cannot be read: ${(error as Error).message}`);
    }
  });
  const notCa = certificates.findIndex((c) => !c.ca);
  if (notCa >= 0) throw new CaBundleError(`Certificate ${notCa + 1} in the ${source} (${certificates[notCa]!.subject.replace(/\n/g, ', ')}) is not a CA certificate.`);
  return { pem: blocks.join('\n') + '\n', certificates, source };
}
