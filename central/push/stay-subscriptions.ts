// Stays drive subscriptions: a stay that starts at a site subscribes that site to the person; a stay
// that ends leaves the subscription open for the retention window, after which the site is told to
// remove what it no longer has a basis to hold.
import type { ClinicalEvent } from '../../contract/sync/events';
import type { CentralTx } from '../db/open';
import { recordKey, type RecordState } from '../projection/record-state';
import type { CentralSettings } from '../settings';
import { endStaySubscription, upsertStaySubscription } from '../subscriptions/subscriptions';

export async function followStays(
  tx: CentralTx,
  stored: readonly { seq: number; event: ClinicalEvent }[],
  records: ReadonlyMap<string, RecordState>,
  settings: CentralSettings,
  at: Date,
): Promise<void> {
  const stayEvents = stored.filter((s) => s.event.recordType === 'stay').sort((a, b) => a.event.personId.localeCompare(b.event.personId));
  for (const { seq, event } of stayEvents) {
    const record = records.get(recordKey('stay', event.recordId));
    const started = record?.state['stay.started']?.payload as { siteCode: string } | undefined;
    if (!record || !started) continue; // an end that overtook its start: handled when the start arrives
    const ended = record.state['stay.ended']?.payload as { exitedAt: string } | undefined;
    const expiresAt = ended ? new Date(Date.parse(ended.exitedAt) + settings.stayRetentionMs) : null;
    if (event.type === 'stay.started') {
      await upsertStaySubscription(tx, { site: started.siteCode, personId: event.personId, stayRecordId: event.recordId, expiresAt, snapshotSeq: seq, now: at });
    } else if (expiresAt) {
      await endStaySubscription(tx, started.siteCode, event.personId, event.recordId, expiresAt);
    }
  }
}
