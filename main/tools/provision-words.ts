// Plain words for provisioning reports: durations and certificates as IT reads them.
import type { X509Certificate } from 'node:crypto';

export function formatDuration(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  if (minutes < 1) return 'less than a minute';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const parts = [days ? `${days} day${days === 1 ? '' : 's'}` : '', hours ? `${hours} hour${hours === 1 ? '' : 's'}` : '', mins && !days ? `${mins} minute${mins === 1 ? '' : 's'}` : ''];
  return parts.filter(Boolean).join(' ');
}

export function describeCertificate(cert: X509Certificate): string {
  return (
    `${cert.subject.replace(/\n/g, ', ')}; issued by ${cert.issuer.replace(/\n/g, ', ')}; ` +
    `valid ${new Date(cert.validFrom).toISOString()} to ${new Date(cert.validTo).toISOString()}; SHA-256 fingerprint ${cert.fingerprint256}`
  );
}
