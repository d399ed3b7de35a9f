// A printed copy of patient information, laid out for paper: the person's identifiers in a table
// header the browser repeats at the top of every printed page (so no page can be mistaken for
// another person's), and a footer naming the site, who printed it and when, on every page.
import type { ReactNode } from 'react';
import type { PersonRecord } from '../../../contract/channels/patients';
import { bannerName } from '../../../domain/person/person-name';
import { identifierViews } from '../../format/identifier-format';
import { bornText, formatClinicalDateTime, nhsNumberText, sexLabels } from '../../format/person-format';

interface Props {
  person: PersonRecord;
  siteName: string;
  printedBy: string;
  /** The local date (ISO) ages are worked out on. */
  today: string;
  /** What the copy is shared for, in the footer's confidentiality line. */
  confidential: string;
  testId: string;
  children: ReactNode;
}

export function PrintedDocument({ person, siteName, printedBy, today, confidential, testId, children }: Props) {
  const ids = identifierViews(person.identifiers, { withNhs: false });
  return (
    <table className="sonar-print-doc" data-testid={testId}>
      <thead>
        <tr>
          <td>
            <div className="sonar-print-doc__identity" data-testid="print-identity">
              <strong className="sonar-print-doc__name">{bannerName(person)}</strong>
              <span>Born {bornText(person.birthDate, today)}</span>
              <span>Sex {sexLabels[person.sex]}</span>
              <span>NHS No. {nhsNumberText(person.nhsNumber)}</span>
              {ids.map((i) => (
                <span key={`${i.type}:${i.value}`}>
                  {i.label} {i.value}
                </span>
              ))}
            </div>
          </td>
        </tr>
      </thead>
      <tfoot>
        <tr>
          <td className="sonar-print-doc__footer">
            {siteName}. Printed {formatClinicalDateTime(new Date().toISOString())} by {printedBy}. Confidential: {confidential}
          </td>
        </tr>
      </tfoot>
      <tbody>
        <tr>
          <td>{children}</td>
        </tr>
      </tbody>
    </table>
  );
}
