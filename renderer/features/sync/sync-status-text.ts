// The sync status area's words: when this site last exchanged records with the central, what is
// waiting, progress of a long download, and any problem in plain words.
import type { SyncStatus } from '../../../contract/channels/sync';
import { formatClinicalDateTime } from '../../format/person-format';

export interface StatusLine {
  tone: 'ok' | 'busy' | 'off' | 'problem';
  text: string;
  detail: string | null;
}

export function syncStatusLine(s: SyncStatus): StatusLine {
  if (s.mode !== 'on') return { tone: 'off', text: s.mode === 'off' ? 'Sync off: this site works on its own' : 'Sync not set up', detail: s.message };
  if (s.activity.state === 'pulling' && s.activity.head > 0) {
    const pct = Math.min(100, Math.round((s.activity.through / s.activity.head) * 100));
    return { tone: 'busy', text: `Receiving records: ${pct}%`, detail: `${s.activity.through.toLocaleString('en-GB')} of ${s.activity.head.toLocaleString('en-GB')}` };
  }
  if (s.activity.state === 'pushing') return { tone: 'busy', text: `Sending ${s.activity.waiting} change${s.activity.waiting === 1 ? '' : 's'}`, detail: null };
  const last = [s.lastPushAt, s.lastPullAt].filter((x): x is string => x !== null).sort().at(-1) ?? null;
  const waiting = s.waitingToSend > 0 ? `; ${s.waitingToSend} change${s.waitingToSend === 1 ? '' : 's'} waiting to send` : '';
  if (s.problem) return { tone: 'problem', text: `Sync problem${waiting}`, detail: s.problem.message };
  return { tone: 'ok', text: last ? `Synced ${formatClinicalDateTime(last)}${waiting}` : `Not synced yet${waiting}`, detail: null };
}
