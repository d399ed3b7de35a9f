// Referrals to a team (substance misuse, mental health in-reach): made by hand or by a form's rules,
// kept in the team's inbox until decided (accepted, declined, or referred on to a key service,
// coded from the versioned code table so outcome reports can count them).
import type { ChannelOutput, ParsedInput } from '../../contract/channels';
import type { SmsReferral } from '../../contract/channels/sms';
import type { ReferralRow } from '../../db/sms-repo';
import { substanceUseScope, type SubstanceUseScope } from '../../domain/access/substance-use-scope';
import { mayWorkForTeam, type Team } from '../../domain/access/teams';
import { keyServiceCode } from '../../domain/sms/referral-services';
import { referralServiceSchema } from '../../domain/templates/template-schema';
import { siteDateOf } from '../../domain/sms/review-schedule';
import type { Call } from './call';
import { requireRelationship } from './relationship';
import { ServiceError } from './service-error';

/** The team whose inbox a service's referrals arrive in. */
export const serviceTeam: Record<ReferralRow['toService'], Team> = { substance_misuse: 'sms', mental_health_inreach: 'mental_health' };

/** A referral as the caller may see it: a substance misuse referral's reason and substances are detail. */
export function referralView(row: ReferralRow, scope: SubstanceUseScope): SmsReferral {
  const withheld = row.toService === 'substance_misuse' && scope === 'summary';
  return {
    id: row.id,
    personId: row.personId,
    toService: row.toService,
    status: row.status,
    source: row.source,
    urgency: row.urgency,
    reason: withheld ? null : row.reason,
    substances: withheld ? null : (row.substances ?? []),
    createdAt: row.createdAt,
    createdByName: row.createdByName,
    decidedOn: row.decidedOn,
    decidedBy: row.decidedBy,
    outcomeNote: withheld ? null : row.outcomeNote,
    referredOnTo: row.referredOnTo,
    referredOnCode: row.referredOnCode,
    version: row.version,
  };
}

export function scopeOf(call: Call): SubstanceUseScope {
  return substanceUseScope(call.requireSession().roles);
}

export function makeReferral(input: ParsedInput<'referrals.make'>, call: Call): ChannelOutput<'referrals.make'> {
  if (!call.reads.persons.get(input.personId)) throw new ServiceError('not_found', 'No person with this record id is held at this site.');
  const referralId = call.env.newId();
  call.write(
    (w) => {
      w.emit({
        type: 'referral.made',
        recordType: 'referral',
        recordId: referralId,
        personId: input.personId,
        baseVersion: null,
        sensitivity: input.toService === 'substance_misuse' ? 'substance_use' : 'mental_health',
        payload: {
          siteCode: call.site.siteCode,
          toService: input.toService,
          reason: input.reason,
          sourceResponseId: null,
          source: input.source,
          urgency: input.urgency,
          substances: input.substances,
        },
      });
    },
    () => ({ personId: input.personId, detail: { referral: referralId, toService: input.toService, urgency: input.urgency } }),
  );
  return { referralId };
}

export function referralInbox(input: ParsedInput<'referrals.inbox'>, call: Call): ChannelOutput<'referrals.inbox'> {
  const session = call.requireSession();
  if (input.service && !mayWorkForTeam(session.roles, serviceTeam[input.service])) throw new ServiceError('forbidden', 'This inbox belongs to another team.');
  const services = input.service ? [input.service] : referralServiceSchema.options.filter((s) => mayWorkForTeam(session.roles, serviceTeam[s]));
  const rows = services.flatMap((s) => call.reads.sms.inbox(call.site.siteCode, s));
  const scope = scopeOf(call);
  const people = new Map(call.reads.identity.summaries([...new Set(rows.map((r) => r.personId))]).map((p) => [p.id, p]));
  call.note = { detail: { service: input.service, referrals: rows.length } };
  return { scope, referrals: rows.map((r) => ({ ...referralView(r, scope), ...(people.has(r.personId) ? { person: people.get(r.personId)! } : {}) })) };
}

export function decideReferral(input: ParsedInput<'referrals.decide'>, call: Call): ChannelOutput<'referrals.decide'> {
  const session = call.requireSession();
  const referral = call.reads.sms.referral(input.referralId);
  if (!referral || referral.siteCode !== call.site.siteCode) throw new ServiceError('not_found', 'No referral with this id at this site.');
  if (!mayWorkForTeam(session.roles, serviceTeam[referral.toService])) throw new ServiceError('forbidden', 'Referrals to another team are decided by that team.');
  requireRelationship(call, referral.personId);
  if (referral.status !== 'open') throw new ServiceError('conflict', 'This referral has already been decided.');
  if (input.decidedOn > siteDateOf(call.env.now()) || input.decidedOn < siteDateOf(referral.createdAt)) {
    throw new ServiceError('invalid_input', 'The decision date must be between the referral and today.', 'decidedOn');
  }
  if (input.outcome === 'referred_on' && !input.referredOnTo) throw new ServiceError('invalid_input', 'Choose the service the person is referred on to.', 'referredOnTo');
  if (input.outcome === 'declined' && input.note.trim() === '') throw new ServiceError('invalid_input', 'Enter why the referral is declined.', 'note');
  const referredOnTo = input.outcome === 'referred_on' ? input.referredOnTo : null;
  call.write(
    (w) => {
      w.emit({
        type: 'referral.outcome_recorded',
        recordType: 'referral',
        recordId: referral.id,
        personId: referral.personId,
        baseVersion: referral.version,
        sensitivity: referral.toService === 'substance_misuse' ? 'substance_use' : 'mental_health',
        payload: {
          outcome: input.outcome,
          note: input.note.trim() || null,
          decidedOn: input.decidedOn,
          decidedBy: input.decidedBy,
          referredOnTo,
          code: referredOnTo ? keyServiceCode(referredOnTo) : null,
        },
      });
    },
    () => ({ personId: referral.personId, detail: { referral: referral.id, outcome: input.outcome } }),
  );
  return { decided: true };
}
