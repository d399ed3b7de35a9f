// A database belongs to one site. The first start records the site code and whether it is a demo
// site in the database itself (site_meta, inside the encryption); every later start compares. A
// changed site code, or a demo record opened as a live site (or the reverse), is refused before any
// screen can show one site's record as another's. Databases from before this record are bound on
// their next start, unless their own sync events already name another site.
import type { RawDb } from '../../db/open';
import type { SiteConfig } from '../../contract/site-config';
import { SiteConfigError } from './policy/settings-layer';

const SITE_CODE_KEY = 'site_code';
const SITE_DEMO_KEY = 'site_demo';

export class SiteMismatchError extends SiteConfigError {
  constructor(message: string) {
    super(message);
    this.name = 'SiteMismatchError';
  }
}

/** The site code this database was bound to, or undefined for a database never started. */
export function boundSiteCode(raw: RawDb): string | undefined {
  return meta(raw, SITE_CODE_KEY);
}

function meta(raw: RawDb, key: string): string | undefined {
  return raw.prepare('SELECT value FROM site_meta WHERE key = ?').pluck().get(key) as string | undefined;
}

function describe(code: string, demo: boolean): string {
  return demo ? `the demo site ${code}` : `site ${code}`;
}

export function bindDatabaseToSite(raw: RawDb, dbFile: string, site: Pick<SiteConfig, 'siteCode' | 'demo'>): void {
  const boundCode = meta(raw, SITE_CODE_KEY);
  const boundDemo = meta(raw, SITE_DEMO_KEY);
  const recovery =
    'SONAR will not open one site\'s record as another\'s. Restore this PC\'s own site policy (or sonar.config.json), ' +
    'or give the other site its own data folder. The database was not changed.';
  if (boundCode !== undefined) {
    const wasDemo = boundDemo === '1';
    if (boundCode !== site.siteCode || wasDemo !== site.demo) {
      throw new SiteMismatchError(
        `The database ${dbFile} holds the record of ${describe(boundCode, wasDemo)}, but the site settings now say ${describe(site.siteCode, site.demo)}. ${recovery}`,
      );
    }
    return;
  }
  const others = raw
    .prepare("SELECT DISTINCT origin_site FROM event_log WHERE source = 'local' AND origin_site <> ? LIMIT 3")
    .pluck()
    .all(site.siteCode) as string[];
  if (others.length > 0) {
    throw new SiteMismatchError(
      `The database ${dbFile} holds records made at ${others.join(', ')}, but the site settings say site ${site.siteCode}. ${recovery}`,
    );
  }
  const insert = raw.prepare('INSERT INTO site_meta (key, value) VALUES (?, ?)');
  raw.transaction(() => {
    insert.run(SITE_CODE_KEY, site.siteCode);
    insert.run(SITE_DEMO_KEY, site.demo ? '1' : '0');
  })();
}
