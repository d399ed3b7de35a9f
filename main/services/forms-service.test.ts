// Recording forms end to end through the router: server-side scoring with the same domain code,
// refusal of incomplete answers item by item, derived flags in the banner, amendments and
// entered-in-error as new versions, and one transaction per save.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { templateRegistry } from '../../domain/templates/library';
import { signedInAdmin, startTempSite, type TempSite } from '../../test/support/temp-site';

/** New responses use the latest version of a template; COWS gained a version in issue 14. */
const COWS_VERSION = templateRegistry.latest('cows')!.version;

let site: TempSite;
let token: string;
let personId: string;
let clock = new Date('2026-11-23T10:00:00Z');
beforeEach(async () => {
  clock = new Date('2026-11-23T10:00:00Z');
  site = await startTempSite({ now: () => clock });
  token = await signedInAdmin(site);
  ({ personId } = await site.ok('patients.register', { familyName: 'Hart', givenNames: 'Sam', title: null, birthDate: '1988-08-08', sex: 'male', nhsNumber: null }, token));
});
afterEach(() => site.cleanup());

// Worked example: pulse 104 -> 2, sweating 2, restlessness 1, pupils 1, aches 2, nose 2, GI 2,
// tremor 1, yawning 1, anxiety 1, gooseflesh 0: total 15 -> moderate withdrawal (13-24).
const moderate = {
  pulse: 104,
  sweating: '2',
  restlessness: '1',
  'pupil-size': '1',
  'bone-joint-aches': '2',
  'runny-nose-tearing': '2',
  'gi-upset': '2',
  tremor: '1',
  yawning: '1',
  'anxiety-irritability': '1',
  gooseflesh: '0',
};

describe('forms', () => {
  it('lists the forms offered at a custody site and serves a template by version', async () => {
    const { templates } = await site.ok('forms.templates', {}, token);
    expect(templates.find((t) => t.id === 'cows')).toMatchObject({ category: 'scale', charted: true });
    const { template } = await site.ok('forms.template', { id: 'cows', version: null }, token);
    expect(template.scores[0]?.bands.map((b) => b.label)).toContain('Moderate withdrawal');
  });

  it('scores a COWS on the server, raises the withdrawal flag with its criteria, and writes one transaction', async () => {
    const events = site.count('event_log');
    const audit = site.count('audit_events');
    const saved = await site.ok('forms.save', { personId, templateId: 'cows', templateVersion: COWS_VERSION, answers: moderate }, token);
    expect(saved.flagsRaised).toEqual(['Opiate withdrawal']);
    expect(site.count('audit_events')).toBe(audit + 1);
    expect(site.count('event_log')).toBe(events + 2); // the response and the flag
    const { responses } = await site.ok('forms.list', { personId, templateId: 'cows' }, token);
    expect(responses[0]?.scores[0]).toMatchObject({ value: 15, complete: true, band: { label: 'Moderate withdrawal' } });
    const record = await site.ok('patients.get', { personId }, token);
    expect(record.activeFlags[0]).toMatchObject({ code: 'OPIATE_WITHDRAWAL', severity: 'high', reason: expect.stringMatching(/Because: COWS total 15: Moderate withdrawal/) });
  });

  it('refuses an incomplete form with every missing item at its own path, saving nothing', async () => {
    const { pulse: _p, tremor: _t, ...partial } = moderate;
    const before = site.count('form_responses');
    const r = await site.call('forms.save', { personId, templateId: 'cows', templateVersion: COWS_VERSION, answers: partial }, token);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid_input');
      expect(r.error.issues?.map((i) => i.path).sort()).toEqual(['answers.pulse', 'answers.tremor']);
    }
    expect(site.count('form_responses')).toBe(before);
  });

  it('refuses an out-of-range value and an unknown option', async () => {
    const r = await site.call('forms.save', { personId, templateId: 'cows', templateVersion: COWS_VERSION, answers: { ...moderate, pulse: 400, sweating: '9' } }, token);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues?.map((i) => i.path).sort()).toEqual(['answers.pulse', 'answers.sweating']);
  });

  it('amends as a new version with a reason and keeps history; entered-in-error stays visible', async () => {
    const first = await site.ok('forms.save', { personId, templateId: 'cows', templateVersion: COWS_VERSION, answers: moderate }, token);
    clock = new Date('2026-11-23T10:05:00Z');
    const noReason = await site.call('forms.amend', { responseId: first.responseId, answers: { ...moderate, pulse: 70 }, reason: '' }, token);
    expect(noReason).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'reason' } });
    const amended = await site.ok('forms.amend', { responseId: first.responseId, answers: { ...moderate, pulse: 70 }, reason: 'Pulse re-measured at rest' }, token);
    const stale = await site.call('forms.amend', { responseId: first.responseId, answers: moderate, reason: 'again' }, token);
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const current = (await site.ok('forms.list', { personId, templateId: 'cows' }, token)).responses;
    expect(current).toHaveLength(1);
    expect(current[0]).toMatchObject({ id: amended.responseId, version: 2, status: 'amended', reason: 'Pulse re-measured at rest', scores: [{ value: 13 }] });
    await site.ok('forms.markEnteredInError', { responseId: amended.responseId, reason: 'Wrong patient selected' }, token);
    const history = (await site.ok('forms.list', { personId, templateId: 'cows', includeHistory: true }, token)).responses;
    expect(history.map((h) => [h.version, h.status, h.current])).toEqual([
      [3, 'entered_in_error', true],
      [2, 'amended', false],
      [1, 'final', false],
    ]);
  });

  it('refuses a handover of a form that is not handed over', async () => {
    const saved = await site.ok('forms.save', { personId, templateId: 'cows', templateVersion: COWS_VERSION, answers: moderate }, token);
    const r = await site.call('handover.record', { personId, responseId: saved.responseId, officerName: 'PC Smith', officerId: null, acknowledgedAt: '2026-11-23T10:01:00Z' }, token);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'responseId' } });
  });
});
