// The data directory's own settings file, sonar.config.json: the lowest of the setting sources
// (below machine policy), used by developer machines and the browser host, and the file the demo
// site is written to. A malformed file stops start-up with a message naming the field; nothing is
// ever rewritten over it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { SiteConfig } from '../../contract/site-config';
import { parseSettingsLayer, SiteConfigError, type SettingsLayer } from './policy/settings-layer';

export { SiteConfigError } from './policy/settings-layer';

export const SITE_CONFIG_FILE = 'sonar.config.json';

export const DEMO_SITE: SiteConfig = {
  schemaVersion: 1,
  siteCode: 'DEMO01',
  siteName: 'Demo Custody Suite',
  siteType: 'custody',
  demo: true,
  idleLockMinutes: 5,
  syncEnabled: false,
  proxy: 'none',
  updateMode: 'none',
  templates: [],
  codeLists: [],
  alcoholQuestions: 'uk',
  smsFirstReviewDays: 5,
  smsSecondReviewDays: 28,
  smsReviewIntervalWeeks: 13,
};

/** The demo prison, so the substance misuse pathway (reception to release) can be tried at once. */
export const DEMO_PRISON: SiteConfig = { ...DEMO_SITE, siteCode: 'DEMOPR1', siteName: 'HMP Demo (demo prison)', siteType: 'prison' };

export type DemoSiteKind = 'custody' | 'prison';

export const DEMO_SITES: Record<DemoSiteKind, SiteConfig> = { custody: DEMO_SITE, prison: DEMO_PRISON };

/** SONAR_DEMO: which demo site `npm start` writes into an empty data directory (custody by default). */
export function demoSiteKind(env: NodeJS.ProcessEnv = process.env): DemoSiteKind {
  const value = env.SONAR_DEMO?.trim();
  if (!value || value === 'custody') return 'custody';
  if (value === 'prison') return 'prison';
  throw new SiteConfigError(`SONAR_DEMO must be "custody" or "prison", not "${value}".`);
}

/** The data directory's settings file as a layer, or null when there is none. */
export function readDataDirSettings(file: string): SettingsLayer | null {
  if (!existsSync(file)) return null;
  return parseSettingsLayer(readFileSync(file, 'utf8'), { kind: 'data-dir-file', name: file });
}

/** Writes a demo site's file; `wx` so an existing file is never replaced. */
export function writeDemoSiteFile(file: string, kind: DemoSiteKind = 'custody'): void {
  writeFileSync(file, JSON.stringify(DEMO_SITES[kind], null, 2) + '\n', { flag: 'wx', mode: 0o600 });
}
