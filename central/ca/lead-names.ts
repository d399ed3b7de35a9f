// How a governance lead is named: an id chosen by the region (lower-case letters, digits, dots and
// hyphens, e.g. "j.okafor"), carried in the lead's certificate only as the URI urn:sonar:lead:<id>.
// A site's certificate carries its code as a DNS name and urn:sonar:site:<code>, so the two kinds
// can never be taken for each other, even before the registered fingerprint is looked up.
import { z } from 'zod';

export const LEAD_URI_PREFIX = 'urn:sonar:lead:';

export const leadIdSchema = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9.-]{0,38}[a-z0-9])?$/, { error: 'a lead id is 1-40 lower-case letters, digits, dots or hyphens, starting and ending with a letter or digit' });

export const leadNameSchema = z.string().trim().min(1).max(120);

export function leadCertificateUri(id: string): string {
  return `${LEAD_URI_PREFIX}${id}`;
}

/** One kind of name in Node's `subjectaltname` text ("DNS:CUST01, URI:urn:sonar:site:CUST01"). */
export function altNamesOf(subjectAltName: string | undefined, kind: 'DNS' | 'URI'): string[] {
  if (!subjectAltName) return [];
  const prefix = `${kind}:`;
  return subjectAltName
    .split(/,\s*/)
    .filter((part) => part.startsWith(prefix))
    .map((part) => part.slice(prefix.length));
}
