// Record section: the substance misuse pathway for this person at this site, from referral to
// release. Clinicians outside the substance misuse team see what their duty needs (a summary,
// said so on the screen); the team sees and records the detail.
import { useState } from 'react';
import type { ChannelOutput } from '../../../contract/channels';
import { formatClinicalDate } from '../../../domain/person/clinical-date';
import { WITHHELD_FROM_SUMMARY } from '../../../domain/access/substance-use-scope';
import { useApp } from '../../app/store-context';
import { DoneMessage } from '../../components/DoneMessage';
import { formatClinicalDateTime } from '../../format/person-format';
import { LoadFailed } from '../forms/LoadFailed';
import { KeyworkerPanel } from './KeyworkerPanel';
import { DecideReferralForm, ReferralForm, ReferralLine } from './ReferralPanel';
import { naloxoneLabels } from './sms-labels';
import { SmsElsewhere } from './SmsElsewhere';
import { TreatmentPanel } from './TreatmentPanel';
import { useChannel } from './use-channel';

type SmsRecordView = ChannelOutput<'sms.record'>;

function CarePlanPanel({ personId, record }: { personId: string; record: SmsRecordView }) {
  const navigate = useApp((s) => s.navigate);
  const canRecord = useApp((s) => s.session?.user.permissions.includes('sms.record') ?? false);
  const plan = record.carePlan;
  return (
    <div className="sonar-subsection" data-testid="sms-care-plan">
      <h3 className="nhsuk-heading-s">Care plan</h3>
      {plan ? (
        <>
          <p>
            Version {plan.version}, {formatClinicalDateTime(plan.updatedAt)} by {plan.updatedByName}. Review by <strong>{formatClinicalDate(plan.reviewOn)}</strong>.
          </p>
          {plan.goals ? (
            <ol className="nhsuk-list nhsuk-list--number" data-testid="care-plan-goals">
              {plan.goals.map((g, i) => (
                <li key={i}>
                  <strong>{g.goal}</strong>
                  <ul>
                    {g.actions.map((a, j) => (
                      <li key={j}>
                        {a.action} ({a.owner}
                        {a.by ? `, by ${formatClinicalDate(a.by)}` : ''})
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          ) : null}
        </>
      ) : (
        <p>No care plan yet.</p>
      )}
      {canRecord ? (
        <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => navigate({ name: 'carePlan', personId })}>
          {plan ? 'Update the care plan' : 'Record a care plan'}
        </button>
      ) : null}
    </div>
  );
}

function ReleasePanel({ personId, record }: { personId: string; record: SmsRecordView }) {
  const navigate = useApp((s) => s.navigate);
  const canRecord = useApp((s) => s.session?.user.permissions.includes('sms.record') ?? false);
  const plan = record.releasePlan;
  return (
    <div className="sonar-subsection" data-testid="sms-release">
      <h3 className="nhsuk-heading-s">Release and continuity</h3>
      {plan ? (
        <p>
          Release planned for <strong>{formatClinicalDate(plan.releaseOn)}</strong>
          {plan.destination ? ` to ${plan.destination}` : ''}. {plan.ost ? `OST: ${plan.ost.medicine} ${plan.ost.doseMg} mg, last dose ${formatClinicalDateTime(plan.ost.lastDoseAt)}. ` : 'No OST. '}
          {naloxoneLabels[plan.naloxone]}.{' '}
          {plan.followUp ? `Community engagement to be confirmed by ${plan.followUp.dueOn ? formatClinicalDate(plan.followUp.dueOn) : formatClinicalDateTime(plan.followUp.dueAt)}${plan.followUp.status === 'open' ? '' : ` (${plan.followUp.result ?? 'closed'})`}.` : ''}
        </p>
      ) : (
        <p>No release plan.</p>
      )}
      <div className="sonar-button-row">
        {canRecord ? (
          <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => navigate({ name: 'releasePlan', personId })}>
            {plan ? 'Update the release plan' : 'Record a release plan'}
          </button>
        ) : null}
        {plan ? (
          <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => navigate({ name: 'releasePack', personId })}>
            Release pack (print)
          </button>
        ) : null}
      </div>
    </div>
  );
}

export function SmsSection({ personId, onChanged }: { personId: string; onChanged(): void }) {
  const { load, reload } = useChannel('sms.record', { personId });
  const session = useApp((s) => s.session);
  const site = useApp((s) => s.site);
  const navigate = useApp((s) => s.navigate);
  const [done, setDone] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const can = (p: string) => session?.user.permissions.includes(p as never) ?? false;
  const finish = (message: string) => {
    setOpen(null);
    setDone(message);
    reload();
    onChanged();
  };
  return (
    <section aria-labelledby="sms-title" className="sonar-section" data-testid="sms-section">
      <h2 id="sms-title" className="nhsuk-heading-m">
        Substance misuse
      </h2>
      <DoneMessage text={done} testId="sms-done" />
      {load.state === 'loading' ? <p role="status">Loading…</p> : null}
      {load.state === 'failed' ? <LoadFailed title="The substance misuse record could not be loaded" message={load.error.message} /> : null}
      {load.state === 'loaded' ? (
        <>
          {load.value.scope === 'summary' ? (
            <p className="nhsuk-inset-text" data-testid="sms-summary-scope">
              You see what your role needs. Withheld: {WITHHELD_FROM_SUMMARY.join('; ')}.
            </p>
          ) : null}
          <SmsElsewhere elsewhere={load.value.elsewhere} />
          <div className="sonar-subsection" data-testid="sms-referrals">
            <h3 className="nhsuk-heading-s">Referrals</h3>
            {load.value.referrals.length === 0 ? <p>No referral to the substance misuse team.</p> : null}
            <ul className="nhsuk-list">
              {load.value.referrals.map((r) => (
                <li key={r.id} data-testid="sms-referral">
                  <ReferralLine referral={r} />
                  {r.status === 'open' && can('referral.triage') && can('sms.record') ? (
                    open === r.id ? (
                      <DecideReferralForm referral={r} defaultDecider={session?.user.fullName ?? ''} onDone={finish} onCancel={() => setOpen(null)} />
                    ) : (
                      <button type="button" className="nhsuk-button nhsuk-button--small" onClick={() => setOpen(r.id)}>
                        Record the outcome<span className="nhsuk-u-visually-hidden"> of the referral</span>
                      </button>
                    )
                  ) : null}
                </li>
              ))}
            </ul>
            {can('referral.make') ? (
              open === 'refer' ? (
                <ReferralForm personId={personId} onDone={finish} onCancel={() => setOpen(null)} />
              ) : (
                <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => setOpen('refer')}>
                  Refer to the substance misuse team
                </button>
              )
            ) : null}
          </div>
          <KeyworkerPanel personId={personId} record={load.value} onDone={finish} />
          <TreatmentPanel personId={personId} record={load.value} onDone={finish} />
          <CarePlanPanel personId={personId} record={load.value} />
          {load.value.scope === 'detail' ? (
            <div className="sonar-subsection" data-testid="sms-top">
              <h3 className="nhsuk-heading-s">Treatment Outcomes Profile (TOP)</h3>
              <div className="sonar-button-row">
                <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => navigate({ name: 'form', personId, templateId: site?.siteType === 'community' ? 'top-community' : 'top-secure' })}>
                  Record a TOP
                </button>
                <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => navigate({ name: 'topChart', personId })}>
                  TOPs over time
                </button>
              </div>
            </div>
          ) : null}
          <ReleasePanel personId={personId} record={load.value} />
        </>
      ) : null}
    </section>
  );
}
