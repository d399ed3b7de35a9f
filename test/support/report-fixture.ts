// Builds a site's clinical history through the channels, at chosen times: the site's clock is set
// to each moment (a late entry gives its observation time), and the clinician signs in afresh
// after each jump (a session idle past the site's period is locked, as it would be at a desk).
import { expect } from 'vitest';
import { templateRegistry } from '../../domain/templates/library';
import { evaluateResponse } from '../../domain/templates/evaluate';
import type { Answers } from '../../domain/templates/answers';
import { completeAnswers } from './complete-answers';
import { ADMIN_PASSWORD, startTempSite, type TempSite } from './temp-site';

export class FixtureClock {
  t = new Date('2026-10-01T09:00:00Z');
  now = () => new Date(this.t.getTime());
}

export interface FixtureSite {
  site: TempSite;
  clock: FixtureClock;
  /** Sets the clock and signs the administrator (a clinician too) in; returns the session. */
  at(iso: string): Promise<string>;
  /** Registers a person at their arrival and starts their stay (a record is opened in someone's care). */
  admit(familyName: string, givenNames: string, birthDate: string, arrivedAt: string): Promise<{ personId: string; stayId: string }>;
  leave(stayId: string, at: string, exitReason: string, exitDestination: string): Promise<void>;
  /** Saves the latest version of a template with pinned answers (the rest chosen validly); returns the response id. */
  form(personId: string, templateId: string, at: string, fixed: Answers, options?: { observedAt?: string; seed?: number }): Promise<string>;
  enteredInError(responseId: string, at: string): Promise<void>;
}

export async function fixtureSite(siteType: 'custody' | 'prison', adminRole: 'custody_hcp' | 'prison_nurse'): Promise<FixtureSite> {
  const clock = new FixtureClock();
  const site = await startTempSite({ now: clock.now, siteType });
  await site.ok('setup.createFirstAdmin', { fullName: 'Ada Admin', username: 'ada', password: ADMIN_PASSWORD, clinicalRole: adminRole });
  let seed = 1;
  let signedIn: { at: number; token: string } | null = null;
  const at = async (iso: string) => {
    clock.t = new Date(iso);
    if (signedIn?.at === clock.t.getTime()) return signedIn.token;
    const token = (await site.ok('auth.signIn', { username: 'ada', password: ADMIN_PASSWORD })).token;
    signedIn = { at: clock.t.getTime(), token };
    return token;
  };
  return {
    site,
    clock,
    at,
    async admit(familyName, givenNames, birthDate, arrivedAt) {
      const token = await at(arrivedAt);
      const { personId } = await site.ok('patients.register', { familyName, givenNames, title: null, birthDate, sex: 'male', nhsNumber: null }, token);
      const { stayId } = await site.ok('stays.start', { personId, arrivedAt, arrivalReason: null }, token);
      return { personId, stayId };
    },
    async leave(stayId, when, exitReason, exitDestination) {
      const token = await at(when);
      await site.ok('stays.end', { stayId, exitedAt: when, exitReason, exitDestination }, token);
    },
    async form(personId, templateId, when, fixed, options = {}) {
      const template = templateRegistry.latest(templateId)!;
      const answers = completeAnswers(template, options.seed ?? seed++, when, fixed);
      for (const [id, value] of Object.entries(fixed)) if (value !== null) expect(answers[id], `${templateId} ${id} is asked and kept`).toEqual(value);
      const token = await at(when);
      const saved = await site.ok('forms.save', { personId, templateId, templateVersion: template.version, answers, observedAt: options.observedAt ?? null }, token);
      return saved.responseId;
    },
    async enteredInError(responseId, when) {
      const token = await at(when);
      await site.ok('forms.markEnteredInError', { responseId, reason: 'Recorded against the wrong detainee' }, token);
    },
  };
}

/** The referrals a template's answers call for, so a fixture states (and checks) what it expects. */
export function referralsCalledFor(templateId: string, answers: Answers): string[] {
  const template = templateRegistry.latest(templateId)!;
  return evaluateResponse(template, answers).effects.flatMap((e) => (e.kind === 'referral' ? [e.toService] : []));
}
