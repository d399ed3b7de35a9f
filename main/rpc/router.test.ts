// The router end to end over a real encrypted store: validation, sessions, authorisation,
// audit rows and sync events in the same transaction as the change.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, signedInAdmin, startTempSite, type TempSite } from '../../test/support/temp-site';

let site: TempSite;
beforeEach(async () => {
  site = await startTempSite();
});
afterEach(() => site.cleanup());

const ada = { familyName: 'Lovelace', givenNames: 'Ada', title: 'Ms', birthDate: '1980-12-10', sex: 'female', nhsNumber: '943 476 5919' } as const;

describe('first run and sign-in', () => {
  it('needs a first administrator, creates exactly one, then refuses another', async () => {
    expect(await site.ok('setup.status', {})).toMatchObject({ needsFirstAdmin: true, site: { siteCode: 'DEMO01', demo: true } });
    await signedInAdmin(site);
    expect(await site.ok('setup.status', {})).toMatchObject({ needsFirstAdmin: false });
    const again = await site.call('setup.createFirstAdmin', { fullName: 'Eve', username: 'eve', password: 'x'.repeat(12), clinicalRole: null });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(site.count('users')).toBe(1);
  });

  it('refuses a short first password and names the field', async () => {
    const r = await site.call('setup.createFirstAdmin', { fullName: 'Ada', username: 'ada', password: 'short', clinicalRole: null });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'password' } });
    expect(site.count('users')).toBe(0);
  });

  it('says the same thing for an unknown user and a wrong password, and audits both', async () => {
    await signedInAdmin(site);
    const wrong = await site.call('auth.signIn', { username: 'ada', password: 'nope' });
    const unknown = await site.call('auth.signIn', { username: 'nobody', password: 'nope' });
    expect(wrong).toEqual(unknown);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    const refused = site.app.store.raw
      .prepare("SELECT username FROM audit_events WHERE channel = 'auth.signIn' AND outcome = 'refused' ORDER BY seq")
      .pluck()
      .all();
    expect(refused).toEqual(['ada', 'nobody']);
  });

  it('slows guessing after five failures', async () => {
    await signedInAdmin(site);
    for (let i = 0; i < 5; i++) await site.call('auth.signIn', { username: 'ada', password: 'bad' });
    const r = await site.call('auth.signIn', { username: 'ada', password: ADMIN_PASSWORD });
    expect(r).toMatchObject({ ok: false, error: { code: 'throttled' } });
  });

  it('ends a session on sign out', async () => {
    const token = await signedInAdmin(site);
    await site.ok('auth.signOut', {}, token);
    expect(await site.call('auth.session', {}, token)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });
});

describe('registering, finding and opening a person', () => {
  it('writes the person, its sync event and its audit row in one transaction', async () => {
    const token = await signedInAdmin(site);
    const auditBefore = site.count('audit_events');
    const { personId } = await site.ok('patients.register', ada, token);
    expect(site.count('persons')).toBe(1);
    expect(site.count('audit_events')).toBe(auditBefore + 1);
    const events = site.app.store.raw.prepare('SELECT * FROM event_log ORDER BY seq').safeIntegers(true).all() as Record<string, unknown>[];
    expect(events.map((e) => e.type)).toEqual(['person.registered', 'identifier.added']);
    expect(events[0]).toMatchObject({ record_type: 'person', record_id: personId, person_id: personId, origin_site: 'DEMO01', source: 'local', push_state: 'pending' });
    expect(typeof events[0]!.hlc).toBe('bigint');
    expect(events[1]!.hlc as bigint).toBeGreaterThan(events[0]!.hlc as bigint);
    expect(String(events[0]!.id)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(JSON.parse(String(events[0]!.body))).toMatchObject({ payload: { familyName: 'Lovelace' } });
    expect(JSON.parse(String(events[1]!.body))).toMatchObject({ payload: { type: 'nhs_number', value: '9434765919' } });
    const audit = site.app.store.raw.prepare('SELECT * FROM audit_events ORDER BY seq DESC LIMIT 1').get() as Record<string, unknown>;
    expect(audit).toMatchObject({ channel: 'patients.register', person_id: personId, outcome: 'ok', username: 'ada' });
  });

  it('refuses an invalid NHS number naming the field, and changes nothing', async () => {
    const token = await signedInAdmin(site);
    const r = await site.call('patients.register', { ...ada, nhsNumber: '943 476 5918' }, token);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'nhsNumber', message: expect.stringMatching(/check digit/) } });
    expect(site.count('persons')).toBe(0);
    expect(site.count('event_log')).toBe(0);
  });

  it('reports every invalid field at once', async () => {
    const token = await signedInAdmin(site);
    const r = await site.call('patients.register', { ...ada, familyName: '', birthDate: '1980-02-30', sex: 'x' as never }, token);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues?.map((i) => i.path).sort()).toEqual(['birthDate', 'familyName', 'sex']);
  });

  it('refuses a second person with the same NHS number', async () => {
    const token = await signedInAdmin(site);
    await site.ok('patients.register', ada, token);
    const r = await site.call('patients.register', { ...ada, givenNames: 'Augusta' }, token);
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', path: 'nhsNumber' } });
    expect(site.count('persons')).toBe(1);
  });

  it('finds people by name prefix, NHS number prefix and date of birth', async () => {
    const token = await signedInAdmin(site);
    const { personId } = await site.ok('patients.register', ada, token);
    await site.ok('patients.register', { ...ada, familyName: "O'Brien-Lovell", givenNames: 'Zoë', nhsNumber: null, birthDate: '1990-01-01' }, token);
    const ids = async (query: string) => (await site.ok('patients.search', { query }, token)).results.map((r) => r.familyName);
    expect(await ids('lov')).toEqual(['Lovelace', "O'Brien-Lovell"]);
    expect(await ids('lovelace ad')).toEqual(['Lovelace']);
    expect(await ids('obrien zoe')).toEqual(["O'Brien-Lovell"]);
    expect(await ids('943 47')).toEqual(['Lovelace']);
    expect(await ids('10/12/1980')).toEqual(['Lovelace']);
    // A date of birth ranks within a group, it does not hide anyone: a family name starting "lov"
    // (Lovelace) still comes before a name found in part of a double-barrelled one.
    expect(await ids('lov 01/01/1990')).toEqual(['Lovelace', "O'Brien-Lovell"]);
    expect(await ids('lovell 01/01/1990')).toEqual(["O'Brien-Lovell"]);
    expect(await ids('nobody')).toEqual([]);
    const record = await site.ok('patients.get', { personId }, token);
    expect(record).toMatchObject({ familyName: 'Lovelace', nhsNumber: '9434765919', registeredBy: 'Ada Admin', originSite: 'DEMO01' });
    const view = site.app.store.raw.prepare("SELECT person_id FROM audit_events WHERE channel = 'patients.get'").pluck().get();
    expect(view).toBe(personId);
  });

  it('answers not_found for an unknown id', async () => {
    const token = await signedInAdmin(site);
    const r = await site.call('patients.get', { personId: '01900000-0000-7000-8000-000000000000' }, token);
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('access', () => {
  it('refuses every patient channel without a session', async () => {
    for (const [channel, input] of [
      ['patients.search', { query: 'a' }],
      ['patients.register', ada],
      ['patients.get', { personId: '01900000-0000-7000-8000-000000000000' }],
    ] as const) {
      expect(await site.call(channel, input as never, 'not-a-token')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    }
  });

  it('refuses patient data to an administrator without a clinical role, with an audit row', async () => {
    await site.ok('setup.createFirstAdmin', { fullName: 'Ida IT', username: 'ida', password: ADMIN_PASSWORD, clinicalRole: null });
    const { token } = await site.ok('auth.signIn', { username: 'ida', password: ADMIN_PASSWORD });
    const personId = '01900000-0000-7000-8000-000000000000';
    expect(await site.call('patients.get', { personId }, token)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const row = site.app.store.raw.prepare("SELECT * FROM audit_events WHERE channel = 'patients.get'").get() as Record<string, unknown>;
    expect(row).toMatchObject({ outcome: 'refused', person_id: personId, username: 'ida' });
    expect(String(row.reason)).toMatch(/no role of \[site_admin\] grants patient.view/);
  });

  it('refuses unknown channels', async () => {
    const r = await site.app.router.handle('patients.delete', {}, null);
    expect(r).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });
});
