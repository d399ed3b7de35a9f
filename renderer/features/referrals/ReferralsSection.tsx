// Record section: referrals made for this person (most often created by a screen such as the
// dual-diagnosis screen), newest first, with the service, reason, status, when, and where when
// another site made it.
import type { z } from 'zod';
import { FromSite } from '../../components/FromSite';
import type { referralSchema } from '../../../contract/channels/forms';
import { useChannelQuery } from '../../app/server-state';
import { formatClinicalDateTime } from '../../format/person-format';

type Referral = z.infer<typeof referralSchema>;

export const serviceLabels: Record<Referral['toService'], string> = {
  mental_health_inreach: 'Mental health in-reach',
  substance_misuse: 'Substance misuse service',
};

export const statusLabels: Record<Referral['status'], string> = {
  open: 'Open',
  accepted: 'Accepted',
  declined: 'Declined',
  closed: 'Closed',
  referred_on: 'Referred on',
};

const statusTag: Record<Referral['status'], string> = {
  open: 'nhsuk-tag--blue',
  accepted: 'nhsuk-tag--green',
  declined: 'nhsuk-tag--orange',
  closed: 'nhsuk-tag--grey',
  referred_on: 'nhsuk-tag--purple',
};

export function ReferralsSection({ personId }: { personId: string }) {
  // Through the server-state cache: a referral another site makes (received by sync) or this site
  // decides appears on the open record without anyone asking.
  const query = useChannelQuery('referrals.list', { personId });
  const referrals = query.data ? [...query.data.referrals].sort((a, b) => b.createdAt.localeCompare(a.createdAt)) : null;
  const error = query.error ? query.error.rpc.message : null;

  return (
    <section aria-labelledby="referrals-title" className="sonar-section" data-testid="referrals-section">
      <h2 id="referrals-title" className="nhsuk-heading-m">
        Referrals
      </h2>
      {error ? <p className="nhsuk-error-message">{error}</p> : null}
      {referrals && referrals.length === 0 ? <p data-testid="referrals-empty">No referrals made.</p> : null}
      {referrals && referrals.length > 0 ? (
        <table className="nhsuk-table" data-testid="referrals-list">
          <caption className="nhsuk-table__caption nhsuk-table__caption--s nhsuk-u-visually-hidden">Referrals, newest first</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th className="nhsuk-table__header" scope="col">Service</th>
              <th className="nhsuk-table__header" scope="col">Reason</th>
              <th className="nhsuk-table__header" scope="col">Status</th>
              <th className="nhsuk-table__header" scope="col">Date</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {referrals.map((r) => (
              <tr className="nhsuk-table__row" key={r.id} data-testid="referral">
                <th className="nhsuk-table__cell" scope="row">
                  {serviceLabels[r.toService]}
                </th>
                <td className="nhsuk-table__cell">{r.reason}</td>
                <td className="nhsuk-table__cell">
                  <strong className={`nhsuk-tag ${statusTag[r.status]}`}>{statusLabels[r.status]}</strong>
                </td>
                <td className="nhsuk-table__cell">
                  {formatClinicalDateTime(r.createdAt)}
                  <FromSite site={r.siteCode} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
