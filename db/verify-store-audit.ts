// Verifies a store's audit trail from outside the app (site IT's command): read-only through a
// private view (read-only-view.ts), so it creates and changes nothing in the data directory, and
// against the seal kept beside the database.
import { existsSync } from 'node:fs';
import { verifyAuditChain, type ChainVerdict } from './audit-log';
import { readSealFile } from './audit-seal';
import { applyKey } from './cipher';
import { registerSearchFunctions } from './search-functions';
import { StoreOpenError } from './errors';
import { withReadOnlyView } from './read-only-view';
import { storeFiles } from './store-files';
import { keyMatchesMarker, readStoreMarker } from './store-marker';

export interface StoreAuditVerdict {
  verdict: ChainVerdict;
  /** Whether a seal was found to check the chain's end against. */
  sealed: boolean;
}

export function verifyStoreAudit(dbFile: string, key: Buffer): StoreAuditVerdict {
  const files = storeFiles(dbFile);
  if (!existsSync(files.db)) throw new StoreOpenError('missing', `There is no SONAR database at ${files.db}.`);
  const marker = readStoreMarker(files.marker);
  if (marker && !keyMatchesMarker(key, marker)) throw new StoreOpenError('key_rejected', 'The key is wrong: it does not belong to this database.');
  const seal = readSealFile(files.seal);
  return withReadOnlyView(files, (raw) => {
    applyKey(raw, key);
    // Expression indexes (name search) call these: copying, checking or changing rows needs them.
    registerSearchFunctions(raw);
    return { verdict: verifyAuditChain(raw, seal), sealed: seal !== null };
  });
}
