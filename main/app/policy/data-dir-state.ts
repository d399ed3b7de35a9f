// Whether a data directory has ever held a SONAR site. The demo site may be created only into a
// directory that never has: a database, its WAL or journal, a key, a settings file or the site's
// certificate are each evidence of a real site, whose record must never be opened as the demo's.
import { existsSync, readdirSync } from 'node:fs';

/** SONAR's own files (the first three with their -wal, -shm and -journal companions). */
const SITE_FILE = /^(sonar\.db(-wal|-shm|-journal)?|db\.key(\.safe)?|sonar\.config\.json|site-tls\..*|sonar[-.].*)$/i;

/** The SONAR files the directory holds (empty when it does not exist). */
export function siteFilesIn(dataDir: string): string[] {
  if (!existsSync(dataDir)) return [];
  return readdirSync(dataDir)
    .filter((name) => SITE_FILE.test(name))
    .sort();
}
