// Where a 500-event batch's CPU goes, against what the machine can give it at the target rate. The
// bench's sites, the central process and PostgreSQL share this machine's cores, so at the target rate
// every batch may cost at most cores x 1000 ms / (target / 500) of CPU in all three together.
// The floor is the central's work that cannot be skipped for any event (parse the pushed JSON, check
// it against the event schema, hash its canonical encoding, build the stored body), measured here,
// in this process, on the same batches; the raw INSERT's PostgreSQL CPU is the floor of storing it.
import { availableParallelism } from 'node:os';
import { checkEvent, storedBody } from '../central/push/check-event';
import type { ClinicalEvent } from '../contract/sync/events';

export interface IngestBudget {
  cores: number;
  /** CPU per batch the three processes may use together at the target rate. */
  availableCpuMsPerBatch: number;
  /** What a batch used in this run: the sites (TLS clients), the central and PostgreSQL. */
  usedCpuMsPerBatch: number | null;
  /** Parse, schema check, SHA-256 and stored body of a batch, nothing else (no TLS, HTTP or SQL). */
  checkFloorCpuMsPerBatch: number;
  /** The raw multi-row INSERT's PostgreSQL CPU per batch (storing the rows and nothing else). */
  rawInsertPostgresCpuMsPerBatch: number | null;
  /** Sites + check floor + raw INSERT: the least any ingest of these batches costs on this machine. */
  floorCpuMsPerBatch: number | null;
  /** The highest rate the floor alone allows on these cores (events/s). */
  floorEventsPerSecond: number | null;
}

/** CPU per batch of the central's unavoidable per-event work, over `batches` batches of `size`. */
export function checkFloorCpuMs(events: readonly ClinicalEvent[], size: number, batches: number): number {
  const texts: string[] = [];
  for (let at = 0; at < events.length && texts.length < batches; at += size) texts.push(JSON.stringify({ batchSeq: 1, events: events.slice(at, at + size) }));
  const nowMs = Date.now();
  const round = () => {
    for (const text of texts) {
      const { events: raws } = JSON.parse(text) as { events: unknown[] };
      const bodies: string[] = [];
      for (const raw of raws) {
        const check = checkEvent(raw, { nowMs, maxClockAheadMs: 600_000 });
        if (!check.ok) throw new Error(`the bench workload failed the central's check: ${check.reason}`);
        bodies.push(storedBody(check.hashed, check.event.contentHash));
      }
      if (`[${bodies.join(',')}]`.length === 0) throw new Error('unreachable');
    }
  };
  round(); // warm up the JIT, as the central is warm after its first batches
  const c0 = process.cpuUsage();
  round();
  const used = process.cpuUsage(c0);
  return (used.user + used.system) / 1000 / texts.length;
}

export function ingestBudget(input: {
  targetEventsPerSecond: number;
  batchSize: number;
  sitesCpuMsPerBatch: number;
  centralCpuMsPerBatch: number | null;
  postgresCpuMsPerBatch: number | null;
  checkFloorCpuMsPerBatch: number;
  rawInsertPostgresCpuMsPerBatch: number | null;
}): IngestBudget {
  const cores = availableParallelism();
  const round = (n: number) => Number(n.toFixed(1));
  const floor = input.rawInsertPostgresCpuMsPerBatch === null ? null : input.sitesCpuMsPerBatch + input.checkFloorCpuMsPerBatch + input.rawInsertPostgresCpuMsPerBatch;
  return {
    cores,
    availableCpuMsPerBatch: round((cores * 1000) / (input.targetEventsPerSecond / input.batchSize)),
    usedCpuMsPerBatch: input.centralCpuMsPerBatch === null || input.postgresCpuMsPerBatch === null ? null : round(input.sitesCpuMsPerBatch + input.centralCpuMsPerBatch + input.postgresCpuMsPerBatch),
    checkFloorCpuMsPerBatch: round(input.checkFloorCpuMsPerBatch),
    rawInsertPostgresCpuMsPerBatch: input.rawInsertPostgresCpuMsPerBatch,
    floorCpuMsPerBatch: floor === null ? null : round(floor),
    floorEventsPerSecond: floor === null ? null : Math.round(((cores * 1000) / floor) * input.batchSize),
  };
}
