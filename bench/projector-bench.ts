// Site apply rate: events received by sync applied through the projector (log + tables, pages of
// 500 in one transaction each, as the sync engine does), next to raw SQLite inserts of the same
// rows into a second fresh encrypted database with the same schema, in the same run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { ClinicalEvent } from '../contract/sync/events';
import { canonicalJson } from '../contract/sync/canonical-json';
import { finaliseResponse } from '../domain/templates/response';
import { templateRegistry } from '../domain/templates/library';
import { eventContentHash } from '../db/event-hash';
import { openStore, type RawDb } from '../db/open';
import { SiteStore, type EventDraft } from '../db/store';

export interface ProjectorBenchResult {
  events: number;
  pageSize: number;
  projector: { seconds: number; eventsPerSecond: number };
  raw: { seconds: number; rowsPerSecond: number };
  /**
   * The event log rows alone (no clinical table, no search index), in a third fresh encrypted
   * store: the least any apply must write, whatever is done with the projection.
   */
  rawEventLogOnly: { seconds: number; rowsPerSecond: number };
  ratio: number;
}

const COWS = { pulse: 104, sweating: '2', restlessness: '1', 'pupil-size': '1', 'bone-joint-aches': '2', 'runny-nose-tearing': '2', 'gi-upset': '2', tremor: '1', yawning: '1', 'anxiety-irritability': '1', gooseflesh: '0' };

/** Five events per person, as another site would have made them: registration, NHS number, a COWS, its flag, a task. */
export function remoteEvents(people: number, startMs = Date.parse('2026-11-01T00:00:00Z')): ClinicalEvent[] {
  const cows = templateRegistry.latest('cows')!;
  const author = { id: 'remote-user', name: 'Remote Nurse', role: 'custody_hcp' as const };
  const events: ClinicalEvent[] = [];
  let clock = BigInt(startMs) << 16n;
  const make = (draft: EventDraft, atMs: number): ClinicalEvent => {
    clock += 1n;
    const unhashed = { ...draft, eventId: uuidv7({ msecs: atMs }), hlc: clock.toString(), originSite: 'REMOTE1', author, recordedAt: new Date(atMs).toISOString() };
    return { ...unhashed, contentHash: eventContentHash(unhashed as ClinicalEvent) } as ClinicalEvent;
  };
  for (let i = 0; i < people; i++) {
    const at = startMs + i * 1000;
    const personId = uuidv7({ msecs: at });
    const response = finaliseResponse(cows, COWS, { id: uuidv7({ msecs: at }), at: new Date(at).toISOString(), by: author.id });
    if (!response.ok) throw new Error('bench COWS did not finalise');
    const nhs = String(9_000_000_000 + i);
    events.push(
      make({ type: 'person.registered', recordType: 'person', recordId: personId, personId, baseVersion: null, sensitivity: 'demographics', payload: { familyName: `Remote${i}`, givenNames: 'Pat', title: null, birthDate: '1980-01-01', sex: 'unknown' } }, at),
      make({ type: 'identifier.added', recordType: 'identifier', recordId: uuidv7({ msecs: at }), personId, baseVersion: null, sensitivity: 'demographics', payload: { type: 'nhs_number', value: nhs } }, at),
      make({ type: 'form.recorded', recordType: 'form_response', recordId: response.response.id, personId, baseVersion: null, sensitivity: 'substance_use', payload: { stayId: null, response: response.response } }, at),
      make({ type: 'flag.raised', recordType: 'flag', recordId: uuidv7({ msecs: at }), personId, baseVersion: null, sensitivity: 'risk_flags', payload: { code: 'OPIATE_WITHDRAWAL', label: 'Opiate withdrawal', severity: 'high', reason: 'COWS total 15: Moderate withdrawal', partnerAdvice: null, sourceResponseId: response.response.id } }, at),
      make({ type: 'task.created', recordType: 'task', recordId: uuidv7({ msecs: at }), personId, baseVersion: null, sensitivity: 'care_plan', payload: { siteCode: 'REMOTE1', stayId: null, kind: 'review', title: 'Repeat COWS', detail: null, forRole: null, dueAt: new Date(at + 3_600_000).toISOString(), sourceResponseId: response.response.id } }, at),
    );
  }
  return events;
}

/** The same rows the projector writes for `events` (tables and event log, or the log alone), by hand-written SQL. */
function rawInsert(raw: RawDb, events: readonly ClinicalEvent[], pageSize: number, tables = true): void {
  const log = raw.prepare(
    `INSERT INTO event_log (id, type, record_type, record_id, person_id, base_version, hlc, origin_site, author_id, author_role, recorded_at, sensitivity, content_hash, body, source, applied_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'sync', ?)`,
  );
  const person = raw.prepare(`INSERT INTO persons (id, family_name, given_names, title, birth_date, sex, version, origin_site, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`);
  const identifier = raw.prepare(`INSERT INTO person_identifiers (id, person_id, type, value, origin_site, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const form = raw.prepare(
    `INSERT INTO form_responses (id, chain_id, person_id, template_id, template_version, body, status, version, current, recorded_at, recorded_by, recorded_by_name, origin_site) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
  );
  const flag = raw.prepare(
    `INSERT INTO flags (id, person_id, code, label, severity, reason, source_response_id, origin_site, updated_at, updated_by_name, set_at, set_by, set_by_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const task = raw.prepare(`INSERT INTO tasks (id, person_id, kind, title, due_at, site_code, status, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?)`);
  const page = raw.transaction((batch: readonly ClinicalEvent[]) => {
    const now = new Date().toISOString();
    for (const e of batch) {
      log.run(e.eventId, e.type, e.recordType, e.recordId, e.personId, e.baseVersion, BigInt(e.hlc), e.originSite, e.author.id, e.author.role, e.recordedAt, e.sensitivity, e.contentHash, canonicalJson(e), now);
      if (!tables) continue;
      switch (e.type) {
        case 'person.registered':
          person.run(e.personId, e.payload.familyName, e.payload.givenNames, e.payload.title, e.payload.birthDate, e.payload.sex, e.originSite, e.recordedAt, e.author.id, e.recordedAt);
          break;
        case 'identifier.added':
          identifier.run(e.recordId, e.personId, e.payload.type, e.payload.value, e.originSite, e.recordedAt, e.author.id);
          break;
        case 'form.recorded': {
          const r = e.payload.response;
          form.run(r.id, e.recordId, e.personId, r.templateId, r.templateVersion, canonicalJson(r), r.status, r.version, r.recordedAt, e.author.id, e.author.name, e.originSite);
          break;
        }
        case 'flag.raised':
          flag.run(e.recordId, e.personId, e.payload.code, e.payload.label, e.payload.severity, e.payload.reason, e.payload.sourceResponseId, e.originSite, e.recordedAt, e.author.name, e.recordedAt, e.author.id, e.author.name);
          break;
        case 'task.created':
          task.run(e.recordId, e.personId, e.payload.kind, e.payload.title, e.payload.dueAt, e.payload.siteCode, e.recordedAt, e.author.id);
          break;
        default:
          throw new Error(`raw baseline has no insert for ${e.type}`);
      }
    }
  });
  for (let i = 0; i < events.length; i += pageSize) page.immediate(events.slice(i, i + pageSize));
}

export function benchProjectorApply(options: { people: number; pageSize?: number }): ProjectorBenchResult {
  const pageSize = options.pageSize ?? 500;
  const events = remoteEvents(options.people);
  const dir = mkdtempSync(join(tmpdir(), 'sonar-bench-projector-'));
  const key = randomBytes(32);
  const site = new SiteStore(openStore({ file: join(dir, 'projected.db'), key, create: true }), 'BENCH01');
  const baseline = openStore({ file: join(dir, 'raw.db'), key, create: true });
  const logOnly = openStore({ file: join(dir, 'raw-log.db'), key, create: true });
  try {
    const t0 = performance.now();
    for (let i = 0; i < events.length; i += pageSize) site.applyReceived(events.slice(i, i + pageSize), new Date());
    const projectorSeconds = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    rawInsert(baseline.raw, events, pageSize);
    const rawSeconds = (performance.now() - t1) / 1000;
    const t2 = performance.now();
    rawInsert(logOnly.raw, events, pageSize, false);
    const logOnlySeconds = (performance.now() - t2) / 1000;
    const projected = site.raw.prepare('SELECT count(*) FROM event_log').pluck().get() as number;
    if (projected !== events.length) throw new Error(`projector logged ${projected} of ${events.length} events`);
    return {
      events: events.length,
      pageSize,
      projector: { seconds: round(projectorSeconds), eventsPerSecond: Math.round(events.length / projectorSeconds) },
      raw: { seconds: round(rawSeconds), rowsPerSecond: Math.round(events.length / rawSeconds) },
      rawEventLogOnly: { seconds: round(logOnlySeconds), rowsPerSecond: Math.round(events.length / logOnlySeconds) },
      ratio: round(projectorSeconds / rawSeconds),
    };
  } finally {
    site.close();
    baseline.close();
    logOnly.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
