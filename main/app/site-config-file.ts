// Reads the site configuration file, or writes the demo site's on first run. A malformed file
// stops start-up with a message naming the field; nothing is rewritten over it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { siteConfigSchema, type SiteConfig } from '../../contract/site-config';

export const SITE_CONFIG_FILE = 'sonar.config.json';

export const DEMO_SITE: SiteConfig = {
  schemaVersion: 1,
  siteCode: 'DEMO01',
  siteName: 'Demo Custody Suite',
  siteType: 'custody',
  demo: true,
  idleLockMinutes: 5,
};

export class SiteConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SiteConfigError';
  }
}

export function parseSiteConfig(text: string, source: string): SiteConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new SiteConfigError(`The site configuration ${source} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = siteConfigSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue && issue.path.length > 0 ? issue.path.join('.') : '(file)';
    throw new SiteConfigError(`The site configuration ${source} is not valid: ${field}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

export function loadOrCreateSiteConfig(file: string, createDemo: boolean): { config: SiteConfig; created: boolean } {
  if (existsSync(file)) return { config: parseSiteConfig(readFileSync(file, 'utf8'), file), created: false };
  if (!createDemo) throw new SiteConfigError(`The site configuration ${file} is missing. Site IT provisions it.`);
  writeFileSync(file, JSON.stringify(DEMO_SITE, null, 2) + '\n', { flag: 'wx' });
  return { config: DEMO_SITE, created: true };
}
