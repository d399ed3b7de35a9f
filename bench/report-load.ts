// Loads a large synthetic custody and prison history into the site's store by raw SQL, as
// load.ts does for people: stays (started and mostly ended), each stay's first health
// assessment (a custody healthcare assessment with real answers, or a reception screen), second-
// stage assessments and their 7-day tasks for prison stays, and referrals. Per stay this is what
// 4 to 8 clinical events would have projected (a stay started and ended, forms recorded, tasks
// created and closed, referrals made), so `stays` x ~5 is the number of events it stands for.
// The event log itself is not filled: reports read the projected tables only.
import { templateRegistry } from '../domain/templates/library';
import type { RawDb } from '../db/open';
import { CUSTODY_KPI_FORMS } from '../main/services/reports/custody-kpis';
import { Prng } from './prng';
import { answerVariants } from './report-answers';

export interface ReportLoadOptions {
  stays: number;
  siteCode: string;
  createdBy: string;
  /** The history runs over this many days before `endsAt`. */
  days: number;
  endsAt: Date;
  seed: number;
  progress: (message: string) => void;
}

export interface ReportLoadResult {
  stays: number;
  forms: number;
  tasks: number;
  referrals: number;
  /** Clinical events these rows stand for (stay start/end, form, task create/close, referral). */
  eventsEquivalent: number;
  seconds: number;
}

const BATCH = 20_000;

const uuid = (kind: number, n: number) => `0195${kind.toString(16).padStart(4, '0')}-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

export function loadReportHistory(raw: RawDb, options: ReportLoadOptions): ReportLoadResult {
  const rng = new Prng(options.seed);
  const personIds = (raw.prepare('SELECT id FROM persons ORDER BY seq LIMIT ?').pluck().all(options.stays) as string[]);
  if (personIds.length === 0) throw new Error('load people first: the report history needs persons');
  const custodyAnswers = answerVariants(CUSTODY_KPI_FORMS.custodyAssessment, 24, options.seed);
  const receptionAnswers = answerVariants(CUSTODY_KPI_FORMS.prisonFirst, 12, options.seed + 1);
  const secondAnswers = answerVariants(CUSTODY_KPI_FORMS.secondStage, 12, options.seed + 2);
  const version = (id: string) => templateRegistry.latest(id)!.version;

  const insertStay = raw.prepare(
    `INSERT INTO stays (id, person_id, site_code, kind, arrived_at, arrival_reason, exited_at, exit_reason, exit_destination, version, created_by)
     VALUES (?, ?, ?, ?, ?, 'Arrested', ?, ?, ?, 1, ?)`,
  );
  const insertForm = raw.prepare(
    `INSERT INTO form_responses (id, chain_id, person_id, stay_id, template_id, template_version, body, status, version, current, recorded_at, recorded_by, recorded_by_name, origin_site)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'final', 1, 1, ?, ?, 'Bench Nurse', ?)`,
  );
  const insertTask = raw.prepare(
    `INSERT INTO tasks (id, person_id, stay_id, kind, title, due_at, site_code, status, created_at, created_by, closed_at, closed_by, close_note, version)
     VALUES (?, ?, ?, ?, 'Second-stage health assessment (NICE NG57)', ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
  );
  const insertReferral = raw.prepare(
    `INSERT INTO referrals (id, person_id, to_service, reason, status, created_at, created_by, site_code, version)
     VALUES (?, ?, ?, 'Bench referral', ?, ?, ?, ?, 1)`,
  );

  const span = options.days * 86_400_000;
  const start = options.endsAt.getTime() - span;
  const iso = (ms: number) => new Date(ms).toISOString();
  let forms = 0;
  let tasks = 0;
  let referrals = 0;
  let events = 0;

  const form = (id: string, personId: string, stayId: string, templateId: string, answers: string, atMs: number, observedMs: number | null) => {
    const at = iso(atMs);
    const observed = observedMs === null ? '' : `,"observedAt":"${iso(observedMs)}"`;
    const body = `{"id":"${id}","entryId":"${id}","version":1,"templateId":"${templateId}","templateVersion":${version(templateId)},"answers":${answers},"scores":[],"flags":[],"codes":[],"status":"final","recordedAt":"${at}"${observed},"recordedBy":"${options.createdBy}"}`;
    insertForm.run(id, id, personId, stayId, templateId, version(templateId), body, at, options.createdBy, options.siteCode);
    forms++;
    events++;
  };

  // Arrivals in time order, so stay ids rise with arrival as UUIDv7 ids made at reception do (a
  // month's stays, and their forms in the stay-keyed indexes, sit together, as at a real site).
  const arrivals = Float64Array.from({ length: options.stays }, () => start + Math.floor(rng.next() * span)).sort();
  const batch = raw.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const personId = personIds[Math.floor(rng.next() * personIds.length)]!;
      const stayId = uuid(1, i);
      const prison = rng.next() < 0.3;
      const arrived = arrivals[i]!;
      const lengthMs = prison ? (1 + Math.floor(rng.next() * 60)) * 86_400_000 : (2 + Math.floor(rng.next() * 20)) * 3_600_000;
      const ended = arrived + lengthMs < options.endsAt.getTime() && rng.next() < 0.95;
      const toHospital = rng.next() < 0.03;
      insertStay.run(
        stayId,
        personId,
        options.siteCode,
        prison ? 'prison' : 'custody',
        iso(arrived),
        ended ? iso(arrived + lengthMs) : null,
        ended ? (toHospital ? 'Transferred to hospital' : 'Released on bail') : null,
        ended ? (toHospital ? 'General Hospital' : 'Home address') : null,
        options.createdBy,
      );
      events += ended ? 2 : 1;
      // The first health assessment: most within hours, some never.
      if (rng.next() < 0.92) {
        const after = Math.floor(rng.next() * rng.next() * 10 * 3_600_000);
        const late = rng.next() < 0.1;
        const templateId = prison ? CUSTODY_KPI_FORMS.prisonFirst : CUSTODY_KPI_FORMS.custodyAssessment;
        const answers = prison ? receptionAnswers[i % receptionAnswers.length]! : custodyAnswers[i % custodyAnswers.length]!;
        form(uuid(2, i), personId, stayId, templateId, answers, arrived + after + (late ? 3_600_000 : 0), late ? arrived + after : null);
      }
      if (prison) {
        const due = arrived + 7 * 86_400_000;
        const doneAfter = rng.next() < 0.8 ? Math.floor(rng.next() * 10 * 86_400_000) : null;
        if (doneAfter !== null) form(uuid(3, i), personId, stayId, CUSTODY_KPI_FORMS.secondStage, secondAnswers[i % secondAnswers.length]!, arrived + doneAfter, null);
        const closed = doneAfter === null ? null : iso(arrived + doneAfter);
        insertTask.run(uuid(4, i), personId, stayId, CUSTODY_KPI_FORMS.secondStageTask, iso(due), options.siteCode, closed ? 'done' : 'open', iso(arrived), options.createdBy, closed, closed ? options.createdBy : null, closed ? `Completed by the second-stage assessment, response ${uuid(3, i)}` : null);
        tasks++;
        events += closed ? 2 : 1;
      }
      const r = rng.next();
      if (r < 0.3) {
        insertReferral.run(uuid(5, i), personId, r < 0.12 ? 'mental_health_inreach' : 'substance_misuse', r < 0.2 ? 'open' : 'accepted', iso(arrived + 2 * 3_600_000), options.createdBy, options.siteCode);
        referrals++;
        events += r < 0.2 ? 1 : 2;
      }
    }
  });

  const previous = raw.pragma('synchronous', { simple: true }) as number;
  raw.pragma('synchronous = OFF');
  const started = process.hrtime.bigint();
  try {
    for (let done = 0; done < options.stays; done += BATCH) {
      batch.immediate(done, Math.min(options.stays, done + BATCH));
      options.progress(`report history: ${Math.min(options.stays, done + BATCH).toLocaleString('en-GB')} / ${options.stays.toLocaleString('en-GB')} stays`);
    }
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.exec('ANALYZE');
  } finally {
    raw.pragma(`synchronous = ${previous}`);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { stays: options.stays, forms, tasks, referrals, eventsEquivalent: events, seconds: Math.round(seconds * 10) / 10 };
}
