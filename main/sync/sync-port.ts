// What the services see of sync: whether it runs at this site (and if not, why, in words), and the
// engine when it does. A site without sync works fully offline; the status area says so.
import type { SyncEngine } from './sync-engine';

export type SyncMode = 'off' | 'not_provisioned' | 'misconfigured' | 'on';

export interface SyncPort {
  mode: SyncMode;
  /** Why sync is not running, for the status area; null when it runs. */
  message: string | null;
  engine: SyncEngine | null;
}

export const SYNC_OFF: SyncPort = { mode: 'off', message: 'Sync is off at this site (site policy syncEnabled).', engine: null };
