// The custody and reception KPI report against hand-counted fixtures built through the channels:
// a police custody suite and a prison, November 2026 (GMT), each stay placed so the expected
// figure of every section can be counted by reading this file. Stays that began outside the
// period, entries marked entered in error and a late entry's observation time are all in it.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportResult, ReportSection } from '../../contract/channels/reports';
import { staffSession } from '../support/staff';
import { fixtureSite, referralsCalledFor, type FixtureSite } from '../support/report-fixture';
import { pdfPages } from '../e2e/support/pdf';

/** RFC 4180 fields, quotes undone. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      endField();
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else {
      field += c;
    }
  }
  return rows;
}

function lastAudit(f: FixtureSite): { channel: string; outcome: string; detail: Record<string, unknown> } {
  const row = f.site.app.store.raw.prepare('SELECT channel, outcome, detail FROM audit_events ORDER BY seq DESC LIMIT 1').get() as { channel: string; outcome: string; detail: string };
  return { ...row, detail: JSON.parse(row.detail) as Record<string, unknown> };
}

/** Custody assessment answers a KPI depends on; every rousing criterion is pinned. */
function custody(o: { level: string; rousing: string; fit: string; criterion?: 'intoxicated' | 'head-injury' | 'consciousness-concern'; wakes?: boolean }) {
  return {
    intoxicated: o.criterion === 'intoxicated',
    'may-have-swallowed-drugs': false,
    'consciousness-concern': o.criterion === 'consciousness-concern',
    'head-injury': o.criterion === 'head-injury',
    avpu: 'alert',
    gcs: null,
    'fit-to-detain': o.fit,
    'observation-level': o.level,
    rousing: o.rousing,
    'rouse-wakes': o.wakes ?? true,
    'rouse-answers': true,
    'rouse-commands': true,
    'on-ost': false,
  };
}

const noReferral = { 'serious-offence': false };
const offenceReferral = { 'serious-offence': true, 'refer-inreach-for-offence': true };
const secondStage = (mh: boolean, sms: boolean) => ({ 'mental-health-need': mh, 'substance-treatment-need': sms });

async function runReport(f: FixtureSite, token: string, from: string, to: string): Promise<ReportResult> {
  const { runId } = await f.site.ok('reports.start', { reportId: 'custody-kpis', from, to, workerId: null }, token);
  let seen = 0;
  for (let i = 0; i < 100; i++) {
    const p = await f.site.ok('reports.progress', { runId, seen }, token);
    if (p.state === 'done') return p.result;
    if (p.state === 'failed') throw new Error(p.message);
    expect(p.done).toBeGreaterThanOrEqual(seen);
    seen = p.done;
  }
  throw new Error('report did not finish');
}

const section = (r: ReportResult, id: string): ReportSection => r.sections.find((s) => s.id === id)!;
const figures = (s: ReportSection) => Object.fromEntries(s.figures.map((f) => [f.id, f.value]));
const column = (s: ReportSection, key: string, value: string) => s.table.rows.map((r) => [r[key], r[value]]);

describe('custody suite: November 2026', () => {
  let f: FixtureSite;
  let manager: string;
  let report: ReportResult;

  beforeAll(async () => {
    f = await fixtureSite('custody', 'custody_hcp');
    const admin = await f.at('2026-10-31T08:00:00Z');
    manager = await staffSession(f.site, admin, 'manager', ['team_manager']);

    // D5: arrived the evening before the period (not counted), left in it for hospital.
    const { personId: d5, stayId: s5 } = await f.admit('Evans', 'Dan', '1980-05-15', '2026-10-31T23:30:00Z');
    await f.form(d5, 'custody-hcp-assessment', '2026-10-31T23:40:00Z', custody({ level: '1', rousing: '60', fit: 'not-fit-hospital' }));
    const dd5 = { 'mh-current-diagnosis': true, 'mh-symptoms': ['none'], 'mh-current-risk': false, 'substances-last-month': ['none'] };
    await f.form(d5, 'dual-diagnosis', '2026-11-01T00:10:00Z', dd5);
    await f.leave(s5, '2026-11-01T02:00:00Z', 'Transferred to hospital', 'City Hospital');

    // D1: assessed after 20 minutes; intoxicated, roused every 30 minutes, level 2. Substance misuse referral.
    const { personId: d1 } = await f.admit('Abbott', 'Dan', '1980-01-11', '2026-11-03T10:00:00Z');
    await f.form(d1, 'custody-hcp-assessment', '2026-11-03T10:20:00Z', custody({ level: '2', rousing: '30', fit: 'fit', criterion: 'intoxicated' }));
    const dd1 = { 'mh-current-diagnosis': false, 'mh-symptoms': ['none'], 'mh-current-risk': false, 'substances-last-month': ['alcohol'], 'daily-use': true, injecting: false };
    expect(referralsCalledFor('dual-diagnosis', dd1)).toEqual(['substance_misuse']);
    await f.form(d1, 'dual-diagnosis', '2026-11-03T11:00:00Z', dd1);

    // D2: assessed at 09:30, recorded late at 10:00 (90 minutes from arrival by the observation time);
    // not fit to detain, transferred to hospital. Level 1, no rousing, no criterion.
    const { personId: d2, stayId: s2 } = await f.admit('Baker', 'Dan', '1980-02-12', '2026-11-05T08:00:00Z');
    await f.form(d2, 'custody-hcp-assessment', '2026-11-05T10:00:00Z', custody({ level: '1', rousing: 'not-required', fit: 'not-fit-hospital' }), { observedAt: '2026-11-05T09:30:00Z' });
    await f.leave(s2, '2026-11-05T12:00:00Z', 'Transferred to hospital', 'General Hospital');

    // D3: an assessment at 01:00 entered in error (not counted); the real one at 03:00, 300 minutes
    // after arrival: head injury, rousing only hourly, level 3, could not be roused.
    const { personId: d3 } = await f.admit('Carter', 'Dan', '1980-03-13', '2026-11-10T22:00:00Z');
    const wrong = await f.form(d3, 'custody-hcp-assessment', '2026-11-11T01:00:00Z', custody({ level: '4', rousing: '15', fit: 'fit' }));
    await f.enteredInError(wrong, '2026-11-11T01:30:00Z');
    await f.form(d3, 'custody-hcp-assessment', '2026-11-11T03:00:00Z', custody({ level: '3', rousing: '60', fit: 'fit', criterion: 'head-injury', wakes: false }));

    // D4: never assessed; released on bail.
    const { stayId: s4 } = await f.admit('Dawson', 'Dan', '1980-04-14', '2026-11-20T12:00:00Z');
    await f.leave(s4, '2026-11-20T18:00:00Z', 'Released on bail', 'Home address');

    // D7: assessed after 10 minutes; concern about consciousness, roused every 15 minutes, level 4;
    // left for a hospital named only in the destination. Mental health and substance misuse referrals.
    const { personId: d7, stayId: s7 } = await f.admit('Graham', 'Dan', '1980-07-17', '2026-11-25T09:00:00Z');
    await f.form(d7, 'custody-hcp-assessment', '2026-11-25T09:10:00Z', custody({ level: '4', rousing: '15', fit: 'fit', criterion: 'consciousness-concern' }));
    const dd7 = { 'mh-current-diagnosis': true, 'mh-symptoms': ['none'], 'mh-current-risk': false, 'substances-last-month': ['cocaine'], 'daily-use': false, injecting: false };
    expect(referralsCalledFor('dual-diagnosis', dd7).sort()).toEqual(['mental_health_inreach', 'substance_misuse']);
    await f.form(d7, 'dual-diagnosis', '2026-11-25T09:30:00Z', dd7);
    await f.leave(s7, '2026-11-25T15:00:00Z', 'Released', 'City Hospital emergency department');

    // D6: arrived 00:30 on 1 December (after the period).
    const { personId: d6 } = await f.admit('Fisher', 'Dan', '1980-06-16', '2026-12-01T00:30:00Z');
    await f.form(d6, 'custody-hcp-assessment', '2026-12-01T00:40:00Z', custody({ level: '2', rousing: '30', fit: 'fit', criterion: 'intoxicated' }));

    await f.at('2026-12-02T09:00:00Z');
    manager = (await f.site.ok('auth.signIn', { username: 'manager', password: 'a long staff password 2' })).token;
    report = await runReport(f, manager, '2026-11-01', '2026-11-30');
  }, 120_000);

  afterAll(() => f?.site.cleanup());

  it('times arrival to first assessment: 5 detentions, 4 assessed, median 20 and 90th percentile 300 minutes', () => {
    const s = section(report, 'first-assessment');
    expect(figures(s)).toEqual({ stays: 5, assessed: 4, median: 20, p90: 300 });
    expect(column(s, 'interval', 'stays')).toEqual([
      ['Under 30 minutes', 2],
      ['30 to 59 minutes', 0],
      ['1 hour to 1 hour 59', 1],
      ['2 hours to 3 hours 59', 0],
      ['4 hours to 7 hours 59', 1],
      ['8 hours or more', 0],
      ['Recorded before the arrival time', 0],
      ['No first health assessment recorded', 1],
    ]);
    expect(s.table.rows[0]!.percent).toBe(40);
    expect(s.chart!.data.map((d) => d.stays)).toEqual([2, 0, 1, 0, 1, 0, 0, 1]);
  });

  it('counts no prison stays at a custody suite for the second-stage measure', () => {
    const s = section(report, 'second-stage');
    expect(figures(s)).toEqual({ 'prison-stays': 0, 'longer-than-7': 0, 'within-7': 0, 'within-7-percent': null });
  });

  it('counts referrals made during those detentions by service: 1 mental health, 2 substance misuse', () => {
    const s = section(report, 'referrals');
    expect(s.table.rows).toEqual([
      { service: 'Mental health in-reach', open: 1, accepted: 0, declined: 0, closed: 0, referrals: 1, people: 1 },
      { service: 'Substance misuse service', open: 2, accepted: 0, declined: 0, closed: 0, referrals: 2, people: 2 },
    ]);
  });

  it('counts transfers to hospital (by reason or destination) and not fit to detain', () => {
    const s = section(report, 'hospital');
    expect(s.table.rows).toEqual([{ kind: 'Police custody', stays: 5, toHospital: 2, notFit: 1, notFitToHospital: 1 }]);
    expect(figures(s)).toEqual({ 'to-hospital': 2, 'not-fit': 1 });
  });

  it('counts observation levels, rousing set, the PACE criterion and the Annex H checks', () => {
    const s = section(report, 'observation');
    expect(figures(s)).toEqual({ detentions: 5, assessments: 4, criterion: 3, 'criterion-rousing-30': 66.7, 'not-rousable': 1 });
    expect(column(s, 'measure', 'assessments')).toEqual([
      ['Level 1: general observation', 1],
      ['Level 2: intermittent observation', 1],
      ['Level 3: constant observation', 1],
      ['Level 4: close proximity', 1],
      ['Rousing not required', 1],
      ['Rouse every 60 minutes', 1],
      ['Rouse every 30 minutes', 1],
      ['Rouse every 15 minutes', 1],
      ['Meets a PACE Code C rousing criterion', 3],
      ['Meets a criterion and roused at least every 30 minutes (percent of those meeting one)', 2],
      ['Annex H rousing checks recorded', 4],
      ['Could not be roused at assessment', 1],
    ]);
  });

  it('exports the run as CSV: every line the same width, the figures as on screen, one audit row with the file digest', async () => {
    const before = f.site.count('audit_events');
    const file = await f.site.ok('reports.export', { runId: report.runId, format: 'csv' }, manager);
    expect(f.site.count('audit_events')).toBe(before + 1);
    const audit = lastAudit(f);
    expect(audit).toMatchObject({ channel: 'reports.export', outcome: 'ok', detail: { format: 'csv', reportId: 'custody-kpis', from: '2026-11-01', to: '2026-11-30' } });
    expect(audit.detail.sha256).toBe(createHash('sha256').update(Buffer.from(file.content, 'utf8')).digest('hex'));
    expect(file).toMatchObject({ fileName: 'custody-kpis_DEMO01_2026-11-01_2026-11-30.csv', encoding: 'utf8' });
    expect(file.content.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(file.content.slice(1));
    expect(new Set(rows.map((r) => r.length)).size).toBe(1);
    const line = (first: string) => rows.filter((r) => r[0] === first).map((r) => r.filter((c) => c !== ''));
    expect(line('Period')).toEqual([['Period', '01-Nov-2026 to 30-Nov-2026']]);
    expect(line('Median time to assessment')).toEqual([['Median time to assessment', '20', 'minutes']]);
    expect(line('Under 30 minutes')).toEqual([['Under 30 minutes', '2', '40']]);
    expect(line('Police custody')).toEqual([['Police custody', '5', '2', '1', '1']]);
    expect(line('Meets a PACE Code C rousing criterion')).toEqual([['Meets a PACE Code C rousing criterion', '3', '75']]);
  });

  it('exports the run as a PDF: the report, site and period on every page, the figures in its text, one audit row', async () => {
    const before = f.site.count('audit_events');
    const file = await f.site.ok('reports.export', { runId: report.runId, format: 'pdf' }, manager);
    expect(f.site.count('audit_events')).toBe(before + 1);
    const bytes = Buffer.from(file.content, 'base64');
    expect(lastAudit(f).detail).toMatchObject({ format: 'pdf', bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = await pdfPages(bytes);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((text, i) => {
      expect(text).toContain('Custody and reception KPIs');
      expect(text).toContain('Demo Custody Suite (DEMO01)');
      expect(text).toContain('01-Nov-2026 to 30-Nov-2026');
      expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
    });
    const all = pages.join(' ');
    for (const words of ['Time from arrival to the first health assessment', 'Median time to assessment 20 min', 'Under 30 minutes 2 40.0%', 'Transferred to hospital', 'Level 4: close proximity']) {
      expect(all).toContain(words);
    }
  });

  it("keeps a run to the person who started it: another manager cannot follow or export it", async () => {
    const admin = await f.at('2026-12-02T09:05:00Z');
    const other = await staffSession(f.site, admin, 'other-manager', ['team_manager']);
    const follow = await f.site.call('reports.progress', { runId: report.runId, seen: 0 }, other);
    expect(follow.ok ? null : follow.error.code).toBe('not_found');
    const exported = await f.site.call('reports.export', { runId: report.runId, format: 'csv' }, other);
    expect(exported.ok ? null : exported.error.code).toBe('not_found');
  });

  it('refuses a worker filter for a whole-site report, and a period that ends before it starts', async () => {
    const users = await f.site.ok('reports.list', {}, manager);
    const worker = users.workers[0]!.id;
    const filtered = await f.site.call('reports.start', { reportId: 'custody-kpis', from: '2026-11-01', to: '2026-11-30', workerId: worker }, manager);
    expect(filtered.ok ? null : filtered.error).toMatchObject({ code: 'invalid_input', path: 'workerId' });
    const backwards = await f.site.call('reports.start', { reportId: 'custody-kpis', from: '2026-11-30', to: '2026-11-01', workerId: null }, manager);
    expect(backwards.ok ? null : backwards.error).toMatchObject({ code: 'invalid_input', path: 'to' });
  });
});

describe('prison: November 2026', () => {
  let f: FixtureSite;
  let report: ReportResult;

  beforeAll(async () => {
    f = await fixtureSite('prison', 'prison_nurse');
    const admin = await f.at('2026-11-01T08:00:00Z');
    await staffSession(f.site, admin, 'manager', ['team_manager']);

    // R1: screened after 40 minutes; second stage on day 4 (within 7 days), referring to both services.
    const { personId: r1 } = await f.admit('Abbott', 'Rob', '1985-01-11', '2026-11-02T09:00:00Z');
    await f.form(r1, 'prison-reception-screen', '2026-11-02T09:40:00Z', noReferral);
    await f.form(r1, 'prison-second-stage-assessment', '2026-11-06T10:00:00Z', secondStage(true, true));

    // R2: screened after 150 minutes; second stage on day 9 (late), substance misuse referral.
    const { personId: r2 } = await f.admit('Baker', 'Rob', '1985-02-12', '2026-11-03T09:00:00Z');
    await f.form(r2, 'prison-reception-screen', '2026-11-03T11:30:00Z', noReferral);
    await f.form(r2, 'prison-second-stage-assessment', '2026-11-12T10:00:00Z', secondStage(false, true));

    // R3: screened after 570 minutes, referred to in-reach for the offence; a second stage entered in error: not done.
    const { personId: r3 } = await f.admit('Carter', 'Rob', '1985-03-13', '2026-11-04T09:00:00Z');
    expect(referralsCalledFor('prison-reception-screen', offenceReferral)).toEqual(['mental_health_inreach']);
    await f.form(r3, 'prison-reception-screen', '2026-11-04T18:30:00Z', offenceReferral);
    const wrong = await f.form(r3, 'prison-second-stage-assessment', '2026-11-06T09:00:00Z', secondStage(false, false));
    await f.enteredInError(wrong, '2026-11-06T09:30:00Z');

    // R4: screened after 10 minutes; released on day 3 (not counted for the second stage).
    const { personId: r4, stayId: s4 } = await f.admit('Dawson', 'Rob', '1985-04-14', '2026-11-05T09:00:00Z');
    await f.form(r4, 'prison-reception-screen', '2026-11-05T09:10:00Z', noReferral);
    await f.leave(s4, '2026-11-08T10:00:00Z', 'Released on bail', 'Home address');

    // R5: screened after 20 minutes, 3 days before the report is run (not counted yet).
    const { personId: r5 } = await f.admit('Evans', 'Rob', '1985-05-15', '2026-11-28T09:00:00Z');
    await f.form(r5, 'prison-reception-screen', '2026-11-28T09:20:00Z', noReferral);

    // R6: screened after 65 minutes; the 7-day task closed as done on day 3 without the form.
    const { personId: r6 } = await f.admit('Fisher', 'Rob', '1985-06-16', '2026-11-06T09:00:00Z');
    await f.form(r6, 'prison-reception-screen', '2026-11-06T10:05:00Z', noReferral);
    const token = await f.at('2026-11-09T09:00:00Z');
    const tasks = await f.site.ok('tasks.list', { personId: r6, status: 'open' }, token);
    const sevenDay = tasks.tasks.find((t) => t.kind === 'second-stage-assessment')!;
    await f.site.ok('tasks.close', { taskId: sevenDay.id, outcome: 'done', note: 'Assessed on paper during the system outage' }, token);

    // R7: screened after 45 minutes; second stage on day 8 (late); transferred to hospital on day 13.
    const { personId: r7, stayId: s7 } = await f.admit('Graham', 'Rob', '1985-07-17', '2026-11-07T09:00:00Z');
    await f.form(r7, 'prison-reception-screen', '2026-11-07T09:45:00Z', noReferral);
    await f.form(r7, 'prison-second-stage-assessment', '2026-11-15T10:00:00Z', secondStage(false, false));
    await f.leave(s7, '2026-11-20T10:00:00Z', 'Transferred to hospital', 'County Hospital');

    await f.at('2026-12-01T12:00:00Z');
    const manager = (await f.site.ok('auth.signIn', { username: 'manager', password: 'a long staff password 2' })).token;
    report = await runReport(f, manager, '2026-11-01', '2026-11-30');
  }, 120_000);

  afterAll(() => f?.site.cleanup());

  it('times arrival to the reception screen: 7 stays, median 45 and 90th percentile 570 minutes', () => {
    const s = section(report, 'first-assessment');
    expect(figures(s)).toEqual({ stays: 7, assessed: 7, median: 45, p90: 570 });
    expect(column(s, 'interval', 'stays').map(([, n]) => n)).toEqual([2, 2, 1, 1, 0, 1, 0, 0]);
  });

  it('judges second-stage assessments over stays longer than 7 days: 2 within, 2 late, 1 not done', () => {
    const s = section(report, 'second-stage');
    expect(figures(s)).toEqual({ 'prison-stays': 7, 'longer-than-7': 5, 'within-7': 2, 'within-7-percent': 40 });
    expect(column(s, 'outcome', 'stays')).toEqual([
      ['Done within 7 days', 2],
      ['Done after 7 days', 2],
      ['Not done', 1],
      ['Not counted: left within 7 days', 1],
      ['Not counted: in prison fewer than 7 days so far', 1],
    ]);
  });

  it('counts referrals: 2 to in-reach (reception and second stage), 2 to substance misuse', () => {
    const s = section(report, 'referrals');
    expect(s.table.rows.map((r) => [r.service, r.referrals, r.people, r.open])).toEqual([
      ['Mental health in-reach', 2, 2, 2],
      ['Substance misuse service', 2, 2, 2],
    ]);
  });

  it('counts one prison transfer to hospital and asks nothing about fitness to detain', () => {
    expect(section(report, 'hospital').table.rows).toEqual([{ kind: 'Prison', stays: 7, toHospital: 1, notFit: null, notFitToHospital: null }]);
    expect(figures(section(report, 'observation'))).toMatchObject({ detentions: 0, assessments: 0, 'criterion-rousing-30': null });
  });
});
