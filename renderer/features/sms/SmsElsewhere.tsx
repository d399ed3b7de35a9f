// Substance misuse care another site recorded (received by sync: a transfer, a lookup), read only
// and kept apart from this site's: a prison receiving someone sees the treatment they were on, the
// last care plan, the release plan's medicines and who their keyworker was, each under the site that
// recorded it. This site's own treatment starts from its own panels above.
import type { ChannelOutput } from '../../../contract/channels';
import { keyworkerKindLabels } from '../../../domain/access/teams';
import { formatClinicalDate } from '../../../domain/person/clinical-date';
import { formatClinicalDateTime } from '../../format/person-format';
import { ReferralLine } from './ReferralPanel';
import { decisionLabels, endReasonLabels, interventionLabels, naloxoneLabels, substanceLabel, WITHHELD } from './sms-labels';

type Elsewhere = ChannelOutput<'sms.record'>['elsewhere'][number];

function SitePart({ part }: { part: Elsewhere }) {
  const plan = part.carePlan;
  const release = part.releasePlan;
  return (
    <div className="sonar-subsection" data-testid="sms-elsewhere-site" data-site={part.siteCode}>
      <h4 className="nhsuk-heading-xs">
        Recorded at <strong className="sonar-origin">{part.siteCode}</strong>
      </h4>
      <ul className="nhsuk-list">
        {part.treatments.map((t) => (
          <li key={t.id} data-testid="sms-elsewhere-treatment">
            <strong>{t.endedOn ? 'Treatment' : 'In treatment'}</strong> from {formatClinicalDate(t.startedOn)}
            {t.endedOn ? ` to ${formatClinicalDate(t.endedOn)} (${t.endReason ? endReasonLabels[t.endReason] : 'ended'})` : ' (still open at that site)'}:{' '}
            {t.interventions.map((i) => interventionLabels[i]).join(' and ')}. {t.substances ? `Substances: ${t.substances.map(substanceLabel).join('; ')}.` : WITHHELD}{' '}
            Started by {t.startedByName}.{t.endNote ? ` ${t.endNote}` : ''}
          </li>
        ))}
        {part.reviews.map((r) => (
          <li key={r.id} className="nhsuk-body-s">
            {r.label} done {formatClinicalDate(r.reviewedOn)} by {r.recordedByName}
            {r.decision ? `: ${decisionLabels[r.decision] ?? r.decision}` : ''}.{r.summary ? ` ${r.summary}` : ''}
          </li>
        ))}
        {part.keyworkers.map((k) => (
          <li key={`${k.kind}-${k.workerId}`}>
            {keyworkerKindLabels[k.kind]}: {k.workerName}, since {formatClinicalDateTime(k.since)}
          </li>
        ))}
        {part.keyworkers.length === 0 && part.history[0] ? (
          <li className="nhsuk-body-s">
            Last keyworker: {part.history[0].workerName}
            {part.history[0].endedAt ? `, until ${formatClinicalDateTime(part.history[0].endedAt)}${part.history[0].endReason ? ` (${part.history[0].endReason})` : ''}` : ''}
          </li>
        ) : null}
      </ul>
      {plan ? (
        <div data-testid="sms-elsewhere-care-plan">
          <p className="nhsuk-u-margin-bottom-1">
            Care plan version {plan.version}, {formatClinicalDateTime(plan.updatedAt)} by {plan.updatedByName}; review was due {formatClinicalDate(plan.reviewOn)}.
          </p>
          {plan.goals ? (
            <ol className="nhsuk-list nhsuk-list--number">
              {plan.goals.map((g, i) => (
                <li key={i}>
                  <strong>{g.goal}</strong>: {g.actions.map((a) => `${a.action} (${a.owner})`).join('; ')}
                </li>
              ))}
            </ol>
          ) : (
            <p className="nhsuk-body-s">{WITHHELD}</p>
          )}
        </div>
      ) : null}
      {release ? (
        <p data-testid="sms-elsewhere-release">
          Release planned for <strong>{formatClinicalDate(release.releaseOn)}</strong>
          {release.destination ? ` to ${release.destination}` : ''}.{' '}
          {release.ost ? (
            <strong>
              OST: {release.ost.medicine} {release.ost.doseMg} mg, last dose {formatClinicalDateTime(release.ost.lastDoseAt)}.
            </strong>
          ) : (
            'No OST.'
          )}{' '}
          {naloxoneLabels[release.naloxone]}. Recorded {formatClinicalDateTime(release.recordedAt)} by {release.recordedByName}.
        </p>
      ) : null}
      {part.referrals.length > 0 ? (
        <ul className="nhsuk-list">
          {part.referrals.map((r) => (
            <li key={r.id}>
              <ReferralLine referral={r} />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function SmsElsewhere({ elsewhere }: { elsewhere: readonly Elsewhere[] }) {
  if (elsewhere.length === 0) return null;
  return (
    <div className="sonar-subsection nhsuk-inset-text" data-testid="sms-elsewhere">
      <h3 className="nhsuk-heading-s">Substance misuse care at other sites</h3>
      <p className="nhsuk-body-s">Received from the shared record. Read only here: what this site does is recorded in its own panels.</p>
      {elsewhere.map((part) => (
        <SitePart key={part.siteCode} part={part} />
      ))}
    </div>
  );
}
