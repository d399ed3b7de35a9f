// every channel x every role. Allowed exactly where domain/access/roles.ts
// says; `forbidden` otherwise, with an audit row for each refusal of patient data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, channels, type ChannelName } from '../../contract/channels';
import { rolePermissions, roleSchema, type Role } from '../../domain/access/roles';
import { NO_RATE_LIMITS, signedInAdmin, startTempSite, type TempSite } from '../support/temp-site';
import { staffSession } from '../support/staff';
import { workedTop } from '../support/top-answers';
import { substanceUseScope } from '../../domain/access/substance-use-scope';

let site: TempSite;
let personId: string;
const tokens = new Map<Role, string>();
const none = '01900000-0000-7000-8000-00000000abcd';

/** A well-formed input for every permission channel; ids of things that do not exist, so nothing changes. */
function sampleInput(channel: ChannelName): unknown {
  const samples: Partial<Record<ChannelName, unknown>> = {
    'patients.register': { familyName: 'Matrix', givenNames: 'Probe', title: null, birthDate: '1999-09-09', sex: 'unknown', nhsNumber: null },
    'patients.search': { query: 'mat' },
    'patients.get': { personId },
    'patients.findDuplicates': { familyName: 'Nobody', givenNames: 'X', birthDate: null },
    'patients.addIdentifier': { personId: none, identifier: { type: 'local_id', value: 'L1' } },
    'patients.addAlias': { personId: none, alias: { familyName: 'Alias', givenNames: '' } },
    'patients.retireIdentifier': { personId: none, identifierId: none, reason: 'Recorded in error' },
    'patients.retireAlias': { personId: none, aliasId: none, reason: 'Recorded in error' },
    'patients.summary': { personId },
    'stays.start': { personId: none, arrivedAt: '2026-11-23T09:00:00Z', arrivalReason: null },
    'stays.end': { stayId: none, exitedAt: '2026-11-23T10:00:00Z', exitReason: 'Released', exitDestination: 'Home' },
    'stays.list': { personId },
    'flags.raise': { personId: none, code: 'TEST_FLAG', label: 'Test', severity: 'low', reason: 'matrix test' },
    'flags.update': { flagId: none, baseVersion: 1, severity: 'low', reason: 'matrix test', partnerAdvice: null },
    'flags.history': { personId: none, flagId: none },
    'flags.end': { flagId: none, reason: 'matrix test' },
    'flags.list': { personId },
    'tasks.list': { personId: null },
    'tasks.close': { taskId: none, outcome: 'done', note: '' },
    'forms.templates': {},
    'forms.template': { id: 'cows', version: null },
    'forms.save': { personId: none, templateId: 'cows', templateVersion: 1, answers: {} },
    'forms.amend': { responseId: none, answers: {}, reason: 'matrix' },
    'forms.markEnteredInError': { responseId: none, reason: 'matrix' },
    'forms.list': { personId, templateId: null },
    'handover.record': { personId: none, responseId: none, officerName: 'PC Test', officerId: null, acknowledgedAt: '2026-11-23T10:00:00Z' },
    'handover.list': { personId },
    'referrals.list': { personId },
    'staff.list': {},
    'staff.create': { fullName: 'Made In Matrix', username: `m${Math.random().toString(36).slice(2, 10)}`, roles: ['auditor'], temporaryPassword: 'temporary password 9' },
    'staff.update': { userId: none, fullName: 'X', roles: ['auditor'], disabled: false },
    'staff.resetPassword': { userId: none, temporaryPassword: 'temporary password 9' },
    'staff.unlock': { userId: none },
    'access.breakGlass': { personId: none, reason: 'matrix test reason', minutes: 5 },
    'access.endBreakGlass': { grantId: none },
    'access.breakGlassReviews': {},
    'access.reviewBreakGlass': { grantId: none, note: 'ok' },
    'consent.record': { personId: none, decision: 'share', categories: ['risk_flags'], legalBasis: 'direct_care', decidedOn: '2026-11-01', notes: null },
    'consent.list': { personId },
    'agreements.list': {},
    'agreements.save': {
      agreement: { id: 'DSA-MATRIX', version: 1, title: 'Matrix', fromOrgTypes: ['custody_healthcare'], toOrgTypes: ['police'], categories: ['risk_flags'], purposes: ['safeguarding'], validFrom: '2026-01-01', validTo: null },
    },
    'disclosure.check': { personId, toOrgType: 'police', purpose: 'safeguarding', categories: ['risk_flags'] },
    'audit.personAccess': { personId },
    'audit.verify': {},
    'audit.recordPrint': { personId, document: 'handover' },
    'tasks.create': { personId: none, kind: 'hospital-letter', title: 'Letter', detail: 'Clinic', dueOn: '2099-01-01' },
    'tasks.assign': { taskId: none, team: null, assigneeId: null, note: '' },
    'tasks.reschedule': { taskId: none, dueOn: '2099-01-01', reason: 'matrix' },
    'tasks.workers': {},
    'referrals.make': { personId: none, toService: 'substance_misuse', source: 'self', urgency: 'routine', reason: 'matrix', substances: [] },
    'referrals.inbox': {},
    'referrals.decide': { referralId: none, outcome: 'accepted', decidedOn: '2026-11-01', decidedBy: 'Matrix', note: '' },
    'caseload.assign': { personId: none, kind: 'clinical', workerId: none, reason: '' },
    'caseload.end': { personId: none, kind: 'clinical', reason: 'matrix' },
    'caseload.list': { workerId: null },
    'sms.record': { personId },
    'sms.startTreatment': { personId: none, startedOn: '2026-11-01', interventions: ['psychosocial'], substances: ['alcohol'] },
    'sms.endTreatment': { personId: none, treatmentId: none, endedOn: '2026-11-01', reason: 'completed', note: '' },
    'sms.completeReview': { personId: none, taskId: none, reviewedOn: '2026-11-01', summary: 'matrix', decision: 'continue', carePlan: { kind: 'none-yet' } },
    'sms.recordCarePlan': { personId: none, baseVersion: null, goals: [{ goal: 'G', actions: [{ action: 'A', owner: 'O' }] }], reviewOn: '2099-01-01', note: '' },
    'sms.recordReleasePlan': {
      personId: none,
      baseVersion: null,
      releaseOn: '2099-01-01',
      destination: 'Home',
      ost: null,
      naloxone: 'issued',
      naloxoneNote: '',
      communityReferral: null,
      notes: '',
    },
    'sms.topHistory': { personId },
    'recalls.list': {},
    'recalls.print': {},
    'sync.now': {},
    'sync.lookup': { identifierType: 'nhs_number', value: '9434765919', purpose: 'direct_care' },
    'sync.conflicts': { personId },
    'sync.resolveConflict': { personId, conflictId: none, keptEventId: none, note: 'matrix test' },
    'sync.refused': {},
    'audit.findPerson': { query: 'subj' },
  };
  return samples[channel];
}

const permissionChannels = channelNames.filter((c) => channels[c].access.kind === 'permission');

beforeAll(async () => {
  // Each non-clinical role is refused on most of the channels within a second: the per-session
  // limit on refusals (which has its own tests) would answer rate_limited before the matrix is done.
  site = await startTempSite({ callLimits: NO_RATE_LIMITS });
  const admin = await signedInAdmin(site);
  ({ personId } = await site.ok('patients.register', { familyName: 'Subject', givenNames: 'Test', title: null, birthDate: '1980-01-01', sex: 'unknown', nhsNumber: null }, admin));
  const { token: itToken } = await site.ok('auth.signIn', { username: 'ada', password: 'correct horse battery staple' });
  for (const role of roleSchema.options) tokens.set(role, await staffSession(site, itToken, `user-${role.replace(/_/g, '-')}`, [role]));
}, 120_000);
afterAll(() => site.cleanup());

describe('every channel x every role', () => {
  it('has a sample input for every permission channel', () => {
    expect(permissionChannels.filter((c) => sampleInput(c) === undefined)).toEqual([]);
  });

  for (const role of roleSchema.options) {
    it(`${role}: allowed exactly where the matrix says`, async () => {
      const token = tokens.get(role)!;
      const outcomes: string[] = [];
      for (const channel of permissionChannels) {
        const def = channels[channel];
        if (def.access.kind !== 'permission') continue;
        const allowed = rolePermissions[role].includes(def.access.permission);
        const input = sampleInput(channel);
        const before = site.count('audit_events');
        const result = await site.app.router.handle(channel, input, token);
        const code = result.ok ? 'ok' : result.error.code;
        outcomes.push(`${channel}:${code}`);
        if (allowed) {
          expect(code, `${role} ${channel}`).not.toBe('forbidden');
          expect(['internal', 'invalid_input', 'unknown_channel'], `${role} ${channel}`).not.toContain(code);
        } else {
          expect(code, `${role} ${channel}`).toBe('forbidden');
          expect(site.count('audit_events'), `${role} ${channel} audited`).toBe(before + 1);
          const row = site.app.store.raw.prepare('SELECT outcome, channel, person_id AS personId FROM audit_events ORDER BY seq DESC LIMIT 1').get() as Record<string, unknown>;
          expect(row).toMatchObject({ outcome: 'refused', channel });
          const named = (input as { personId?: string }).personId;
          if (named) expect(row.personId).toBe(named);
        }
      }
      expect(outcomes.length).toBe(permissionChannels.length);
    });
  }

  it('keeps partner roles to the need-to-know summary', () => {
    for (const role of ['partner_police', 'partner_social_care', 'partner_voluntary'] as const) {
      expect([...rolePermissions[role]].sort()).toEqual(['patient.search', 'patient.summary']);
    }
  });
});

// Substance-use scope (domain/access/substance-use-scope.ts): the substance misuse team and
// prescribers see the detail; other clinical roles see what their duty needs; partners nothing.
describe('substance-use scope, role by role', () => {
  let prison: TempSite;
  let prisonPerson: string;
  const prisonTokens = new Map<Role, string>();
  const clinicalRoleList = roleSchema.options.filter((r) => rolePermissions[r].includes('patient.view'));

  beforeAll(async () => {
    prison = await startTempSite({ siteType: 'prison' });
    const admin = await signedInAdmin(prison);
    for (const role of clinicalRoleList) prisonTokens.set(role, await staffSession(prison, admin, `scope-${role.replace(/_/g, '-')}`, [role]));
    const sms = prisonTokens.get('sms_clinical')!;
    ({ personId: prisonPerson } = await prison.ok('patients.register', { familyName: 'Scope', givenNames: 'Test', title: null, birthDate: '1980-01-01', sex: 'unknown', nhsNumber: null }, admin));
    await prison.ok('stays.start', { personId: prisonPerson, arrivedAt: new Date(Date.now() - 3_600_000).toISOString(), arrivalReason: null }, admin);
    await prison.ok('referrals.make', { personId: prisonPerson, toService: 'substance_misuse', source: 'self', urgency: 'routine', reason: 'Injects heroin daily', substances: ['opioids'] }, sms);
    await prison.ok('sms.recordCarePlan', { personId: prisonPerson, baseVersion: null, goals: [{ goal: 'Stop injecting', actions: [{ action: 'Needle exchange', owner: 'Keyworker' }] }], reviewOn: '2099-01-01', note: '' }, sms);
    await prison.ok('forms.save', { personId: prisonPerson, templateId: 'top-secure', templateVersion: 1, answers: workedTop() }, sms);
  }, 120_000);
  afterAll(() => prison.cleanup());

  it('is decided as data: detail for the substance misuse team and prescribers, summary for other clinical roles', () => {
    const scopes = Object.fromEntries(clinicalRoleList.map((r) => [r, substanceUseScope([r])]));
    expect(scopes).toEqual({
      custody_hcp: 'summary',
      prison_nurse: 'summary',
      sms_clinical: 'detail',
      psychosocial_worker: 'detail',
      mental_health_practitioner: 'summary',
      prescriber: 'detail',
      team_manager: 'summary',
    });
  });

  for (const role of clinicalRoleList) {
    it(`${role}: sees the substance-use record ${substanceUseScope([role]) === 'detail' ? 'in detail' : 'as a summary'}`, async () => {
      const token = prisonTokens.get(role)!;
      const detail = substanceUseScope([role]) === 'detail';
      const record = await prison.ok('sms.record', { personId: prisonPerson }, token);
      expect(record.scope).toBe(detail ? 'detail' : 'summary');
      expect(record.referrals[0]?.status).toBe('open');
      expect(record.referrals[0]?.reason).toBe(detail ? 'Injects heroin daily' : null);
      expect(record.carePlan?.reviewOn).toBe('2099-01-01');
      expect(record.carePlan?.goals).toEqual(detail ? [{ goal: 'Stop injecting', actions: [{ action: 'Needle exchange', owner: 'Keyworker', by: null }] }] : null);
      const forms = await prison.ok('forms.list', { personId: prisonPerson, templateId: null }, token);
      expect(forms.responses.some((r) => r.templateId === 'top-secure'), `${role} sees the TOP`).toBe(detail);
      const top = await prison.call('sms.topHistory', { personId: prisonPerson }, token);
      expect(top.ok).toBe(detail);
      if (top.ok) expect(top.value.points[0]?.days.find((d) => d.key === 'opioids')?.days.value).toBe(23);
      const offered = (await prison.ok('forms.templates', {}, token)).templates.map((t) => t.id);
      expect(offered.includes('top-secure')).toBe(detail);
      // Withdrawal scales and brief interventions stay with every clinician who uses them.
      expect(offered).toContain('cows');
      expect(offered).toContain('brief-intervention');
    });
  }
});
