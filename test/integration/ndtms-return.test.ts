// The NDTMS return against a fixture built through the channels at a prison in November 2026:
// Reed (adult, referred, triaged, treated, start TOP, treatment details (White British, has
// injected, OST maintenance, motivational work, peer support from the 10th), review TOP on the
// 18th, release referral, exit TOP, prison exit form (end of sentence, home), discharged and
// released), Young (17 at referral, no TOP, treatment details with ethnicity not stated and never
// injected, and a triage day before the referral), Nash (no prison number, treated with no
// referral, no treatment details) and Olds (treated and discharged in October: not in the return). The
// return file must equal test/fixtures/ndtms/november-2026.expected.csv, written by hand from the
// fixture, and the error report must name each planted error by record and field.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportId, ReportResult } from '../../contract/channels/reports';
import { STAFF_PASSWORD, staffSession } from '../support/staff';
import { ADMIN_PASSWORD, signedInAdmin, startTempSite, type TempSite } from '../support/temp-site';
import { workedTop } from '../support/top-answers';

let site: TempSite;
let clock = Date.parse('2026-10-01T09:00:00Z');
const tokens: Record<string, string> = {};
const STAFF = { nina: ['prison_nurse'], sam: ['sms_clinical'], maya: ['team_manager'] } as const;
const token = (who: keyof typeof STAFF | 'ada') => tokens[who]!;
const expected = readFileSync(new URL('../fixtures/ndtms/november-2026.expected.csv', import.meta.url), 'utf8');

async function at(iso: string): Promise<void> {
  clock = Date.parse(iso);
  tokens.ada = (await site.ok('auth.signIn', { username: 'ada', password: ADMIN_PASSWORD })).token;
  for (const name of Object.keys(STAFF)) tokens[name] = (await site.ok('auth.signIn', { username: name, password: STAFF_PASSWORD })).token;
}

async function admit(familyName: string, birthDate: string, arrivedAt: string, prisonNumber: string | null): Promise<{ personId: string; stayId: string }> {
  const { personId } = await site.ok('patients.register', { familyName, givenNames: 'Ndtms', title: null, birthDate, sex: 'male', nhsNumber: null }, token('ada'));
  if (prisonNumber) await site.ok('patients.addIdentifier', { personId, identifier: { type: 'nomis_number', value: prisonNumber } }, token('ada'));
  const { stayId } = await site.ok('stays.start', { personId, arrivedAt, arrivalReason: 'Remanded' }, token('ada'));
  return { personId, stayId };
}

async function referAndAccept(personId: string, substances: string[], decidedOn: string): Promise<string> {
  const { referralId } = await site.ok('referrals.make', { personId, toService: 'substance_misuse', source: 'reception', urgency: 'routine', reason: 'Fixture referral', substances }, token('nina'));
  await at(`${decidedOn}T10:00:00Z`);
  await site.ok('referrals.decide', { referralId, outcome: 'accepted', decidedOn, decidedBy: 'Sam SMS', note: '' }, token('sam'));
  return referralId;
}

/** A TOP from workedTop with overrides; an override of undefined clears the answer. */
const top = (personId: string, overrides: Record<string, unknown>) => {
  const answers = Object.fromEntries(Object.entries({ ...workedTop(), ...overrides }).filter(([, v]) => v !== undefined));
  return site.ok('forms.save', { personId, templateId: 'top-secure', templateVersion: 1, answers: answers as never }, token('sam'));
};
const form = (personId: string, templateId: 'ndtms-treatment-details' | 'ndtms-prison-exit', answers: Record<string, unknown>) =>
  site.ok('forms.save', { personId, templateId, templateVersion: 1, answers: answers as never }, token('sam'));

async function runReturn(reportId: ReportId = 'ndtms'): Promise<ReportResult> {
  const { runId } = await site.ok('reports.start', { reportId, from: '2026-11-01', to: '2026-11-30', workerId: null, team: null }, token('maya'));
  for (let seen = 0, i = 0; i < 100; i++) {
    const p = await site.ok('reports.progress', { runId, seen }, token('maya'));
    if (p.state === 'done') return p.result;
    if (p.state === 'failed') throw new Error(p.message);
    seen = p.done;
  }
  throw new Error('report did not finish');
}

let youngReferral = '';

beforeAll(async () => {
  site = await startTempSite({ siteType: 'prison', now: () => new Date(clock) });
  tokens.ada = await signedInAdmin(site);
  for (const [name, roles] of Object.entries(STAFF)) tokens[name] = await staffSession(site, tokens.ada, name, [...roles]);

  // Olds: treated 5 to 20 October only.
  const olds = await admit('Olds', '1980-03-03', '2026-10-01T08:00:00Z', 'C3333CC');
  const oldsReferral = await referAndAccept(olds.personId, ['alcohol'], '2026-10-01');
  await at('2026-10-05T09:00:00Z');
  const { treatmentId: oldsTreatment } = await site.ok('sms.startTreatment', { personId: olds.personId, startedOn: '2026-10-05', interventions: ['psychosocial'], substances: ['alcohol'], referralId: oldsReferral }, token('sam'));
  await at('2026-10-20T09:00:00Z');
  await site.ok('sms.endTreatment', { personId: olds.personId, treatmentId: oldsTreatment, endedOn: '2026-10-20', reason: 'completed', note: '' }, token('sam'));

  // Reed: received 2 November, referred that day, triaged on the 3rd, start TOP and treatment on the 4th.
  await at('2026-11-02T09:00:00Z');
  const reed = await admit('Reed', '1985-04-02', '2026-11-02T08:00:00Z', 'A1111AA');
  const reedReferral = await referAndAccept(reed.personId, ['opioids', 'crack', 'alcohol'], '2026-11-03');
  await at('2026-11-04T09:00:00Z');
  await site.ok('forms.save', { personId: reed.personId, templateId: 'top-secure', templateVersion: 1, answers: workedTop({ 'interview-date': '2026-11-04' }) }, token('sam'));
  await form(reed.personId, 'ndtms-treatment-details', {
    ethnicity: 'white-british',
    'injected-ever': true,
    'pharmacological-sub': 'ost-maintenance',
    'psychosocial-sub': 'motivational',
    'recovery-support': 'peer-support',
    'recovery-support-start': '2026-11-10',
  });
  const { treatmentId: reedTreatment } = await site.ok(
    'sms.startTreatment',
    { personId: reed.personId, startedOn: '2026-11-04', interventions: ['pharmacological', 'psychosocial'], substances: ['opioids', 'crack', 'alcohol'], referralId: reedReferral },
    token('sam'),
  );

  // Young: 17, received 5 November. Nash: no prison number, received 6 November, treated from the 7th with no referral.
  await at('2026-11-05T09:00:00Z');
  const young = await admit('Young', '2009-01-15', '2026-11-05T08:00:00Z', 'B2222BB');
  await at('2026-11-06T09:00:00Z');
  const nash = await admit('Nash', '1990-01-01', '2026-11-06T08:00:00Z', null);
  await at('2026-11-07T09:00:00Z');
  await site.ok('sms.startTreatment', { personId: nash.personId, startedOn: '2026-11-07', interventions: ['pharmacological'], substances: ['opioids'] }, token('sam'));
  // Young referred on the 10th, treated from the 12th, no TOP.
  await at('2026-11-10T09:00:00Z');
  youngReferral = await referAndAccept(young.personId, ['cannabis'], '2026-11-10');
  await at('2026-11-12T09:00:00Z');
  await site.ok('sms.startTreatment', { personId: young.personId, startedOn: '2026-11-12', interventions: ['psychosocial'], substances: ['cannabis'], referralId: youngReferral }, token('sam'));
  // The decide channel refuses a decision day before the referral; a record made elsewhere (an
  // older system's import) can carry one, so it is planted in the store as such a record would be.
  site.app.store.raw.prepare('UPDATE referrals SET decided_on = ? WHERE id = ?').run('2026-11-08', youngReferral);
  await form(young.personId, 'ndtms-treatment-details', { ethnicity: 'not-stated', 'injected-ever': false, 'psychosocial-sub': 'motivational' });

  // 18 November: Reed's release plan with a referral to the community drug and alcohol team; released on the 20th.
  await at('2026-11-18T09:00:00Z');
  // Review TOP: opiates on 2 days, crack none, injected once; ratings 11, 12, 10.
  await top(reed.personId, {
    stage: 'review',
    'interview-date': '2026-11-18',
    'recall-period': 'last-4-weeks',
    'opioids-week-1': 1,
    'opioids-week-2': 1,
    'opioids-week-3': 0,
    'opioids-week-4': 0,
    'crack-week-4': 0,
    'crack-amount': undefined,
    'injecting-days': 1,
    'psychological-health': 11,
    'physical-health': 12,
    'quality-of-life': 10,
  });
  await site.ok(
    'sms.recordReleasePlan',
    {
      personId: reed.personId,
      baseVersion: null,
      releaseOn: '2026-11-20',
      destination: 'Home address',
      ost: null,
      naloxone: 'issued',
      naloxoneNote: '',
      communityReferral: { service: 'community-drug-alcohol-team', provider: 'Forward Leeds', referredOn: '2026-11-18', firstAppointmentAt: null },
      notes: '',
    },
    token('sam'),
  );
  await at('2026-11-20T09:00:00Z');
  // Exit TOP: no opiates, crack or injecting; ratings 14, 13, 12. Then the prison exit form.
  await top(reed.personId, {
    stage: 'exit',
    'interview-date': '2026-11-20',
    'recall-period': 'last-4-weeks',
    'opioids-week-1': 0,
    'opioids-week-2': 0,
    'opioids-week-3': 0,
    'opioids-week-4': 0,
    'opioids-amount': undefined,
    'crack-week-4': 0,
    'crack-amount': undefined,
    'injecting-days': 0,
    'shared-needles': undefined,
    'shared-equipment': undefined,
    'psychological-health': 14,
    'physical-health': 13,
    'quality-of-life': 12,
  });
  await form(reed.personId, 'ndtms-prison-exit', { 'exit-reason': 'released-end-of-sentence', 'exit-destination': 'own-home' });
  await site.ok('sms.endTreatment', { personId: reed.personId, treatmentId: reedTreatment, endedOn: '2026-11-20', reason: 'released', note: '' }, token('sam'));
  await site.ok('stays.end', { stayId: reed.stayId, exitedAt: '2026-11-20T10:00:00Z', exitReason: 'Released at end of sentence', exitDestination: 'Home address' }, token('ada'));

  await at('2026-12-01T09:00:00Z');
}, 120_000);
afterAll(() => site.cleanup());

describe('NDTMS return', () => {
  it('writes the month’s return exactly as the expected file, exported and audited from the run', async () => {
    const r = await runReturn();
    expect(r.returnFile).toBe(expected);
    const file = await site.ok('reports.export', { runId: r.runId, format: 'return' }, token('maya'));
    expect(file.fileName).toBe('ndtms_DEMOPR1_2026-11-01_2026-11-30.return.csv');
    expect(file.content).toBe(expected);
    const audit = site.app.store.raw.prepare("SELECT detail FROM audit_events WHERE channel = 'reports.export' ORDER BY seq DESC LIMIT 1").pluck().get() as string;
    expect(JSON.parse(audit)).toMatchObject({ runId: r.runId, reportId: 'ndtms', format: 'return', fileName: file.fileName, bytes: file.bytes });
    // The screen's own CSV and PDF of the run carry the same records (61 columns) and the errors.
    const csv = await site.ok('reports.export', { runId: r.runId, format: 'csv' }, token('maya'));
    expect(csv.content).toContain('A1111AA,1985-04-02,41,1,A,2026-11-02,OPI,CRA,ALC,C,');
    expect(csv.content).toContain('Aged 17 on 2026-11-10');
    const pdf = await site.ok('reports.export', { runId: r.runId, format: 'pdf' }, token('maya'));
    expect(Buffer.from(pdf.content, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('names each planted error by record and field', async () => {
    const r = await runReturn();
    const errors = r.sections.find((s) => s.id === 'ndtms-errors')!;
    const found = errors.table.rows.map((row) => `${String(row.record).startsWith('no client reference (treatment started 2026-11-07') ? 'Nash' : String(row.record)} ${String(row.field)}`);
    expect(found).toEqual([
      'Nash CLIENT_REF',
      'Nash REFERRAL_DATE',
      'Nash TRIAGE_DATE',
      'Nash INJECTING_STATUS',
      'Nash ETHNICITY',
      'Nash PHARM_SUB_INTERVENTION',
      'B2222BB TRIAGE_DATE',
      'B2222BB DATE_OF_BIRTH',
    ]);
    expect(errors.table.rows.find((row) => row.field === 'DATE_OF_BIRTH')?.message).toBe('Aged 17 on 2026-11-10: the adult dataset is for people aged 18 or over.');
    expect(errors.table.rows.find((row) => row.field === 'ETHNICITY')?.message).toBe('Ethnicity is not recorded: record the "Treatment details for the NDTMS return" form (the person may choose "Not stated").');
    expect(Object.fromEntries(errors.figures.map((f) => [f.id, f.value]))).toEqual({ records: 3, 'records-with-errors': 2, errors: 8 });
    expect(errors.description).toContain('sonar-ndtms-secure-adult version 2 (dataset letter not yet confirmed)');
  });

  it('refuses a return file for a report that has none', async () => {
    const { runId, returnFile } = await runReturn('workforce');
    expect(returnFile).toBeNull();
    expect(await site.call('reports.export', { runId, format: 'return' }, token('maya'))).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
