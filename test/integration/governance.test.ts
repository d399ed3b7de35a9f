// Issue 4's controls through the real router and store: idle lock, forced password change,
// throttling that survives a restart, break-glass, the partner summary, consent-based disclosure,
// the auditor's view and tamper detection.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../db/audit-log';
import { ADMIN_PASSWORD, signedInAdmin, startTempSite, type TempSite } from '../support/temp-site';
import { STAFF_PASSWORD, TEMP_PASSWORD, staffSession } from '../support/staff';

let site: TempSite;
let admin: string;
let now = new Date('2026-11-23T10:00:00Z');
const clock = () => now;

beforeEach(async () => {
  now = new Date('2026-11-23T10:00:00Z');
  site = await startTempSite({ now: clock });
  admin = await signedInAdmin(site);
});
afterEach(() => site.cleanup());

const person = { familyName: 'Gray', givenNames: 'Dee', title: null, birthDate: '1991-01-01', sex: 'female', nhsNumber: null } as const;

describe('accounts', () => {
  it('forces a temporary password to be changed before anything else', async () => {
    await site.ok('staff.create', { fullName: 'Nia Nurse', username: 'nia', roles: ['custody_hcp'], temporaryPassword: TEMP_PASSWORD }, admin);
    const s = await site.ok('auth.signIn', { username: 'nia', password: TEMP_PASSWORD });
    expect(s.mustChangePassword).toBe(true);
    expect(await site.call('patients.search', { query: 'a' }, s.token)).toMatchObject({ ok: false, error: { code: 'password_change_required' } });
    const same = await site.call('auth.changePassword', { currentPassword: TEMP_PASSWORD, newPassword: TEMP_PASSWORD }, s.token);
    expect(same).toMatchObject({ ok: false, error: { path: 'newPassword' } });
    await site.ok('auth.changePassword', { currentPassword: TEMP_PASSWORD, newPassword: STAFF_PASSWORD }, s.token);
    expect((await site.call('patients.search', { query: 'a' }, s.token)).ok).toBe(true);
  });

  it('keeps the sign-in throttle across a restart, audits the lockout, and lets an administrator lift it', async () => {
    for (let i = 0; i < 5; i++) await site.call('auth.signIn', { username: 'ada', password: 'wrong' });
    site.app.close();
    const restarted = await startTempSite({ now: clock, dataDir: site.dataDir });
    const r = await restarted.call('auth.signIn', { username: 'ada', password: ADMIN_PASSWORD });
    expect(r).toMatchObject({ ok: false, error: { code: 'throttled' } });
    const lockout = restarted.app.store.raw.prepare("SELECT detail FROM audit_events WHERE channel = 'auth.signIn' AND detail LIKE '%lockedOut%'").pluck().get();
    expect(String(lockout)).toMatch(/lockedOutForSeconds":30/);
    now = new Date(now.getTime() + 31_000);
    const ada = await restarted.ok('auth.signIn', { username: 'ada', password: ADMIN_PASSWORD });
    // The administrator lifts another user's throttle at once.
    await staffSession(restarted, ada.token, 'nia', ['custody_hcp']);
    for (let i = 0; i < 6; i++) await restarted.call('auth.signIn', { username: 'nia', password: 'wrong' });
    expect(await restarted.call('auth.signIn', { username: 'nia', password: STAFF_PASSWORD })).toMatchObject({ ok: false, error: { code: 'throttled' } });
    const nia = (await restarted.ok('staff.list', {}, ada.token)).staff.find((u) => u.username === 'nia')!;
    expect(nia.throttledForSeconds).toBeGreaterThan(0);
    await restarted.ok('staff.unlock', { userId: nia.id }, ada.token);
    expect((await restarted.call('auth.signIn', { username: 'nia', password: STAFF_PASSWORD })).ok).toBe(true);
    restarted.cleanup();
  });

  it('answers hostile usernames and huge passwords with clear errors and changes nothing', async () => {
    const users = site.count('users');
    for (const username of ["admin'--", '../../etc', '\u0000ada', 'x'.repeat(10_000), '<script>', 'ADA ']) {
      const r = await site.call('auth.signIn', { username, password: 'x' });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(['invalid_input', 'unauthenticated']).toContain(r.error.code);
    }
    const huge = await site.call('auth.signIn', { username: 'ada', password: 'p'.repeat(1_000_000) });
    expect(huge).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'password' } });
    expect(site.count('users')).toBe(users);
  });
});

describe('idle lock', () => {
  it('locks a session idle past the site period; the same password unlocks; a lock refuses patient data', async () => {
    const { personId } = await site.ok('patients.register', person, admin);
    now = new Date(now.getTime() + 5 * 60_000 + 1);
    expect(await site.call('patients.get', { personId }, admin)).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await site.call('auth.unlock', { password: 'wrong' }, admin)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    await site.ok('auth.unlock', { password: ADMIN_PASSWORD }, admin);
    expect((await site.ok('patients.get', { personId }, admin)).familyName).toBe('Gray');
    await site.ok('auth.lock', {}, admin);
    expect(await site.call('patients.search', { query: 'gr' }, admin)).toMatchObject({ ok: false, error: { code: 'locked' } });
  });
});

describe('legitimate relationship and break-glass', () => {
  it('needs break-glass for a person not in this site’s care, with a reason, a time limit and a review entry', async () => {
    await staffSession(site, admin, 'nia', ['custody_hcp']);
    const { personId } = await site.ok('patients.register', person, admin);
    now = new Date('2026-11-30T10:00:00Z'); // registered a week ago, never had a stay here
    const nurse2 = (await site.ok('auth.signIn', { username: 'nia', password: STAFF_PASSWORD })).token;
    expect(await site.call('patients.get', { personId }, nurse2)).toMatchObject({ ok: false, error: { code: 'break_glass_required' } });
    expect(await site.call('access.breakGlass', { personId, reason: 'short', minutes: 15 }, nurse2)).toMatchObject({ ok: false, error: { path: 'reason' } });
    const grant = await site.ok('access.breakGlass', { personId, reason: 'Unwell on arrival, needs history', minutes: 15 }, nurse2);
    expect((await site.ok('patients.get', { personId }, nurse2)).familyName).toBe('Gray');
    now = new Date(now.getTime() + 16 * 60_000);
    await site.ok('auth.unlock', { password: STAFF_PASSWORD }, nurse2); // idle for 16 minutes: locked first
    expect(await site.call('patients.get', { personId }, nurse2)).toMatchObject({ ok: false, error: { code: 'break_glass_required' } });
    const ended = site.app.store.raw.prepare("SELECT reason FROM audit_events WHERE action = 'break-glass ended'").pluck().all();
    expect(ended).toEqual(['time limit reached']);
    const adminNow = (await site.ok('auth.signIn', { username: 'ada', password: ADMIN_PASSWORD })).token;
    const manager = await staffSession(site, adminNow, 'moe', ['team_manager']);
    const { grants } = await site.ok('access.breakGlassReviews', {}, manager);
    expect(grants).toMatchObject([{ id: grant.grantId, userName: 'Test nia', personName: 'GRAY, Dee', reason: 'Unwell on arrival, needs history' }]);
    await site.ok('access.reviewBreakGlass', { grantId: grant.grantId, note: 'Appropriate' }, manager);
    expect((await site.ok('access.breakGlassReviews', {}, manager)).grants).toEqual([]);
  });

  it('tells a new session of the same user about emergency access still in force (a reloaded page), and not once it has run out', async () => {
    await staffSession(site, admin, 'nia', ['custody_hcp']);
    const { personId } = await site.ok('patients.register', person, admin);
    now = new Date('2026-11-30T10:00:00Z');
    const first = await site.ok('auth.signIn', { username: 'nia', password: STAFF_PASSWORD });
    expect(first.breakGlass).toEqual([]);
    const grant = await site.ok('access.breakGlass', { personId, reason: 'Unwell on arrival, needs history', minutes: 15 }, first.token);
    // The page is reloaded (its session is lost without signing out) and the nurse signs in again.
    now = new Date(now.getTime() + 5 * 60_000);
    const again = await site.ok('auth.signIn', { username: 'nia', password: STAFF_PASSWORD });
    expect(again.breakGlass).toEqual([{ grantId: grant.grantId, personId, reason: 'Unwell on arrival, needs history', expiresAt: grant.expiresAt }]);
    // The server allows the record under that grant: the page must be able to say so.
    expect((await site.ok('patients.get', { personId }, again.token)).familyName).toBe('Gray');
    // Another user is told nothing of it.
    expect((await site.ok('auth.signIn', { username: 'ada', password: ADMIN_PASSWORD })).breakGlass).toEqual([]);
    now = new Date(now.getTime() + 11 * 60_000);
    expect((await site.ok('auth.signIn', { username: 'nia', password: STAFF_PASSWORD })).breakGlass).toEqual([]);
  });

  it('keeps the rule that allowed a view on its audit row: a view through break-glass names the grant', async () => {
    await staffSession(site, admin, 'nia', ['custody_hcp']);
    const { personId } = await site.ok('patients.register', person, admin);
    now = new Date('2026-11-30T10:00:00Z');
    const nurse2 = (await site.ok('auth.signIn', { username: 'nia', password: STAFF_PASSWORD })).token;
    const grant = await site.ok('access.breakGlass', { personId, reason: 'Unwell on arrival, needs history', minutes: 15 }, nurse2);
    await site.ok('flags.list', { personId }, nurse2);
    await site.ok('patients.get', { personId }, nurse2);
    // Read while the record is open: covered by its one "viewed record" row.
    await site.ok('forms.list', { personId, templateId: null }, nurse2);
    const rows = site.app.store.raw
      .prepare("SELECT channel, detail FROM audit_events WHERE channel IN ('patients.get', 'forms.list', 'flags.list') AND user_id = (SELECT id FROM users WHERE username = 'nia')")
      .all() as { channel: string; detail: string }[];
    expect(rows.map((r) => r.channel).sort()).toEqual(['flags.list', 'patients.get']);
    for (const row of rows) {
      expect(JSON.parse(row.detail)).toMatchObject({ access: { rule: expect.stringMatching(/^break-glass until/), breakGlassGrantId: grant.grantId } });
    }
  });

  it('a current stay at this site is a legitimate relationship', async () => {
    const { personId } = await site.ok('patients.register', person, admin);
    await site.ok('stays.start', { personId, arrivedAt: '2026-11-23T10:00:00Z', arrivalReason: null }, admin);
    now = new Date('2026-12-10T10:00:00Z');
    const token = (await site.ok('auth.signIn', { username: 'ada', password: ADMIN_PASSWORD })).token;
    expect((await site.ok('patients.get', { personId }, token)).currentStay).not.toBeNull();
  });
});

describe('partners, consent and audit', () => {
  it('shows a police partner the need-to-know summary only', async () => {
    const { personId } = await site.ok('patients.register', person, admin);
    await site.ok('stays.start', { personId, arrivedAt: '2026-11-23T09:00:00Z', arrivalReason: null }, admin);
    await site.ok('flags.raise', { personId, code: 'ROUSE_30_MINUTES', label: 'Rouse every 30 minutes', severity: 'high', reason: 'Intoxicated with opioids and alcohol', partnerAdvice: 'Rouse and check at least every 30 minutes; call the HCP if unrousable' }, admin);
    await site.ok('flags.raise', { personId, code: 'OPIATE_WITHDRAWAL', label: 'Opiate withdrawal', severity: 'high', reason: 'COWS 15' }, admin);
    await site.ok('flags.raise', { personId, code: 'SEIZURE_RISK', label: 'Seizure risk', severity: 'severe', reason: 'Fitted on arrival' }, admin);
    await site.ok('flags.raise', { personId, code: 'DIABETES', label: 'Diabetes', severity: 'moderate', reason: 'On insulin' }, admin);
    const police = await staffSession(site, admin, 'pc-jones', ['partner_police']);
    const summary = await site.ok('patients.summary', { personId }, police);
    // Every high or severe flag reaches the partner, never silently left out; the rest only with shared advice.
    expect(summary.advice.map((a) => [a.label, a.severity, a.fromClinician])).toEqual([
      ['Seizure risk', 'severe', false],
      ['Rouse every 30 minutes', 'high', true],
      ['Withdrawal: a medical risk', 'high', false],
    ]);
    expect(summary.advice[1]!.advice).toBe('Rouse and check at least every 30 minutes; call the HCP if unrousable');
    expect(summary.advice[0]!.advice).toMatch(/^Severe risk: call the healthcare professional now/);
    expect(JSON.stringify(summary)).not.toMatch(/opioid|opiate|COWS/i);
    expect(await site.call('patients.get', { personId }, police)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await site.call('forms.list', { personId, templateId: null }, police)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('decides a disclosure from agreements and recorded consent, naming the rule', async () => {
    const { personId } = await site.ok('patients.register', person, admin);
    await site.ok('staff.update', { userId: (await site.ok('auth.session', {}, admin)).user.id, fullName: 'Ada Admin', roles: ['site_admin', 'custody_hcp'], disabled: false }, admin);
    const token = (await site.ok('auth.signIn', { username: 'ada', password: ADMIN_PASSWORD })).token;
    const agreement = { id: 'DSA-CP', version: 1, title: 'Custody to prison', fromOrgTypes: ['custody_healthcare'], toOrgTypes: ['prison_healthcare'], categories: ['risk_flags', 'substance_use'], purposes: ['direct_care'], validFrom: '2026-01-01', validTo: null } as const;
    await site.ok('agreements.save', { agreement: { ...agreement, fromOrgTypes: [...agreement.fromOrgTypes], toOrgTypes: [...agreement.toOrgTypes], categories: [...agreement.categories], purposes: [...agreement.purposes] } }, token);
    await site.ok('consent.record', { personId, decision: 'do_not_share', categories: ['substance_use'], legalBasis: 'direct_care', decidedOn: '2026-11-20', notes: null }, token);
    const d = await site.ok('disclosure.check', { personId, toOrgType: 'prison_healthcare', purpose: 'direct_care', categories: ['risk_flags', 'substance_use'] }, token);
    expect(d).toMatchObject({ outcome: 'permit_with_redactions', permitted: ['risk_flags'], withheld: [{ category: 'substance_use' }], rule: 'agreement DSA-CP v1' });
  });

  it('answers the auditor: who looked at this record, when and why', async () => {
    const { personId } = await site.ok('patients.register', person, admin);
    await site.ok('patients.get', { personId }, admin);
    await site.ok('audit.recordPrint', { personId, document: 'custody handover' }, admin);
    const auditor = await staffSession(site, admin, 'aud', ['auditor']);
    const { events } = await site.ok('audit.personAccess', { personId }, auditor);
    expect(events.map((e) => [e.username, e.action])).toEqual([
      ['ada', 'printed'],
      ['ada', 'viewed record'],
      ['ada', 'registered person'],
    ]);
    expect((await site.ok('audit.verify', {}, auditor)).ok).toBe(true);
  });

  it('names the first tampered row when a middle row is edited or deleted through raw SQL', async () => {
    for (let i = 0; i < 5; i++) await site.ok('patients.search', { query: `q${i}` }, admin);
    const raw = site.app.store.raw;
    const middle = Math.floor((raw.prepare('SELECT max(seq) FROM audit_events').pluck().get() as number) / 2);
    raw.exec('DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;');
    raw.prepare("UPDATE audit_events SET username = 'mallory' WHERE seq = ?").run(middle);
    expect(verifyAuditChain(raw)).toMatchObject({ ok: false, firstBadSeq: middle, problem: 'row content was changed' });
    raw.prepare("UPDATE audit_events SET username = 'ada' WHERE seq = ?").run(middle);
    expect(verifyAuditChain(raw).ok).toBe(true);
    raw.prepare('DELETE FROM audit_events WHERE seq = ?').run(middle);
    expect(verifyAuditChain(raw)).toMatchObject({ ok: false, firstBadSeq: middle, problem: `row ${middle} is missing` });
  });
});
