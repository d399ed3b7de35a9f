// The site's hybrid logical clock, persisted in the same transaction as each event so it can never
// go backwards after a crash; events received by sync move it forward past their own stamps.
import { decodeHlc, encodeHlc, HLC_ZERO, receiveHlc, tickHlc, type Hlc } from '../domain/sync/hlc';
import type { RawDb } from './open';

export class HlcClock {
  private readonly read;
  private readonly write;

  constructor(private readonly raw: RawDb) {
    this.read = raw.prepare('SELECT hlc FROM clock_state WHERE id = 1').pluck().safeIntegers(true);
    this.write = raw.prepare('INSERT INTO clock_state (id, hlc) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET hlc = excluded.hlc');
  }

  private current(): Hlc {
    const stored = this.read.get() as bigint | undefined;
    return stored === undefined ? HLC_ZERO : decodeHlc(stored);
  }

  /** The stamp for a local event. */
  tick(nowMs: number): bigint {
    if (!this.raw.inTransaction) throw new Error('The clock advances inside the transaction of its event');
    const next = encodeHlc(tickHlc(this.current(), nowMs));
    this.write.run(next);
    return next;
  }

  /** Takes a received stamp into account. */
  receive(remote: bigint, nowMs: number): void {
    if (!this.raw.inTransaction) throw new Error('The clock advances inside the transaction of its event');
    this.write.run(encodeHlc(receiveHlc(this.current(), decodeHlc(remote), nowMs)));
  }
}
