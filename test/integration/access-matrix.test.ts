// Every channel x every role (a security requirement). Allowed exactly where domain/access/roles.ts
// says; `forbidden` otherwise, with an audit row for each refusal of patient data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, channels, type ChannelName } from '../../contract/channels';
import { rolePermissions, roleSchema, type Role } from '../../domain/access/roles';
import { signedInAdmin, startTempSite, type TempSite } from '../support/temp-site';
import { staffSession } from '../support/staff';

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
    'sync.now': {},
    'sync.lookup': { identifierType: 'nhs_number', value: '9434765919', purpose: 'direct_care' },
    'sync.conflicts': { personId },
    'sync.resolveConflict': { personId, conflictId: none, keptEventId: none, note: 'matrix test' },
    'sync.refused': {},
    'audit.findPerson': { query: 'subj' },
    'reports.list': {},
    'reports.start': { reportId: 'custody-kpis', from: '2026-11-01', to: '2026-11-30', workerId: null },
    'reports.progress': { runId: none, seen: 0 },
    'reports.export': { runId: none, format: 'csv' },
    'records.exportFhir': { personId },
  };
  return samples[channel];
}

const permissionChannels = channelNames.filter((c) => channels[c].access.kind === 'permission');

beforeAll(async () => {
  site = await startTempSite();
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

  it('gives reports to team managers only, and whole-record export to clinical roles only', () => {
    const holders = (p: string) => roleSchema.options.filter((r) => (rolePermissions[r] as readonly string[]).includes(p)).sort();
    expect(holders('report.view')).toEqual(['team_manager']);
    expect(holders('record.export')).toEqual(
      ['custody_hcp', 'mental_health_practitioner', 'prescriber', 'prison_nurse', 'psychosocial_worker', 'sms_clinical', 'team_manager'].sort(),
    );
  });

  it('keeps partner roles to the need-to-know summary', () => {
    for (const role of ['partner_police', 'partner_social_care', 'partner_voluntary'] as const) {
      expect([...rolePermissions[role]].sort()).toEqual(['patient.search', 'patient.summary']);
    }
  });
});
