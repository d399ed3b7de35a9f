// `npm run dist -- --site CODE --policy FILE`: the same installer for every site, plus that site's
// policy in the two forms IT deploys: site.json (for %ProgramData%\SONAR\) and a .reg file of the
// same settings under HKLM\SOFTWARE\Policies\SONAR (for Group Policy Preferences or Intune). The
// policy is checked with the app's own schemas before anything is written.
import { readFileSync } from 'node:fs';
import { siteConfigSchema, siteSettingsLayerSchema, type SiteSettingsLayer } from '../contract/site-config';
import { REGISTRY_KINDS } from '../main/app/policy/registry-policy';
import { formatIssues } from '../main/app/policy/settings-layer';

export class SiteBundleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SiteBundleError';
  }
}

export function readSitePolicy(file: string, siteCode: string): SiteSettingsLayer {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SiteBundleError(`${file} is not readable JSON: ${(error as Error).message}`);
  }
  const layer = siteSettingsLayerSchema.safeParse(json);
  if (!layer.success) throw new SiteBundleError(`${file} is not valid: ${formatIssues(layer.error.issues)}`);
  const complete = siteConfigSchema.safeParse(layer.data);
  if (!complete.success) throw new SiteBundleError(`${file} is not a complete site policy: ${formatIssues(complete.error.issues)}`);
  if (complete.data.siteCode !== siteCode) throw new SiteBundleError(`${file} is for site ${complete.data.siteCode}, not ${siteCode}.`);
  if (complete.data.demo) throw new SiteBundleError(`${file} makes a demo site; an installed SONAR refuses to run as one.`);
  return layer.data;
}

function regString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** REG_MULTI_SZ in .reg syntax: hex(7): UTF-16LE strings, each NUL-terminated, then a final NUL. */
function regMultiString(values: readonly string[]): string {
  const bytes = Buffer.from(values.map((v) => `${v}\0`).join('') + '\0', 'utf16le');
  return `hex(7):${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join(',')}`;
}

/** The policy as a Windows .reg file (UTF-16LE with BOM is what regedit writes; it also reads this UTF-8 form). */
export function toRegFile(policy: SiteSettingsLayer): string {
  const lines = ['Windows Registry Editor Version 5.00', '', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\SONAR]'];
  for (const [name, value] of Object.entries(policy)) {
    if (value === undefined || name === 'schemaVersion') continue;
    const kind = REGISTRY_KINDS[name as keyof typeof REGISTRY_KINDS];
    if (kind === 'text') lines.push(`"${name}"=${regString(String(value))}`);
    else if (kind === 'number') lines.push(`"${name}"=dword:${Number(value).toString(16).padStart(8, '0')}`);
    else if (kind === 'onOff') lines.push(`"${name}"=dword:${value ? '00000001' : '00000000'}`);
    else lines.push(`"${name}"=${regMultiString(value as string[])}`);
  }
  return lines.join('\r\n') + '\r\n';
}
