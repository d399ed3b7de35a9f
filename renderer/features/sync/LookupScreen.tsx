// Reception lookup of the shared record: a person arriving from another site is looked up at the
// central by NHS number, CHI, prison number or PNC ID, for a stated purpose. The central decides
// what may be shared (agreement, consent or dissent, role) and says what it withheld and why; what
// it shares is then held here, marked with the site it came from. Looked up, the person is in this
// site's care for the time the lookup lasts (the audit names the lookup).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ChannelOutput } from '../../../contract/channels';
import type { Purpose } from '../../../domain/access/disclosure';
import { identifierTypeLabels } from '../../../domain/identifiers/identifier-types';
import { usePageTitle } from '../../app/page-title';
import { useApp } from '../../app/store-context';
import { useFormErrors } from '../../app/use-form-errors';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { formatClinicalDateTime } from '../../format/person-format';
import { formatClinicalDate } from '../../../domain/person/clinical-date';
import { categoryLabels, purposeLabels } from '../consent/disclosure-labels';

type IdType = 'nhs_number' | 'chi_number' | 'nomis_number' | 'pnc_id';
const ID_TYPES: readonly IdType[] = ['nhs_number', 'chi_number', 'nomis_number', 'pnc_id'];
const PURPOSES: readonly Purpose[] = ['direct_care', 'continuity_of_care', 'safeguarding'];
type Field = 'value' | 'vitalInterests';
const fields: readonly Field[] = ['value', 'vitalInterests'];

const outcomeText = { permit: 'Shared', permit_with_redactions: 'Shared in part', deny: 'Not shared' } as const;

export function LookupScreen() {
  usePageTitle('Look up the shared record');
  const call = useApp((s) => s.call);
  const navigate = useApp((s) => s.navigate);
  const [type, setType] = useState<IdType>('nhs_number');
  const [value, setValue] = useState('');
  const [purpose, setPurpose] = useState<Purpose>('direct_care');
  const [override, setOverride] = useState(false);
  const [vital, setVital] = useState('');
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<ChannelOutput<'sync.lookup'> | null>(null);
  const form = useFormErrors(fields);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const errors: Parameters<typeof form.show>[0] = {};
    if (value.trim() === '') errors.value = { message: `Enter the ${identifierTypeLabels[type]}`, target: 'lookup-value' };
    if (override && vital.trim().length < 10) errors.vitalInterests = { message: 'Say why there is a real and immediate risk to life (at least 10 characters)', target: 'lookup-vital' };
    if (Object.keys(errors).length > 0) return form.show(errors);
    setBusy(true);
    setAnswer(null);
    const r = await call('sync.lookup', { identifierType: type, value: value.trim(), purpose, vitalInterests: override ? vital.trim() : null });
    setBusy(false);
    if (r.ok) setAnswer(r.value);
    else form.showServer(r.error, { value: 'lookup-value', vitalInterests: 'lookup-vital' });
  }

  return (
    <>
      <PageHeading>Look up the shared record</PageHeading>
      <p className="nhsuk-body">For a person arriving from another custody suite, prison or service. Say why you need the record: the central record decides what may be shared, and records the disclosure.</p>
      <form noValidate onSubmit={(e) => void submit(e)} className="sonar-panel" data-testid="lookup-form">
        <ErrorSummary items={form.items} focusKey={form.focusKey} idPrefix="lookup-" />
        <SelectField id="lookup-type" label="Identifier" value={type} onValueChange={(v) => setType(v as IdType)} options={ID_TYPES.map((t) => ({ value: t, label: identifierTypeLabels[t] }))} />
        <TextField id="lookup-value" label={identifierTypeLabels[type]} value={value} onValueChange={setValue} error={form.errors.value?.message} width="20" autoComplete="off" inputRef={first} />
        <SelectField id="lookup-purpose" label="Purpose" value={purpose} onValueChange={(v) => setPurpose(v as Purpose)} options={PURPOSES.map((p) => ({ value: p, label: purposeLabels[p] }))} />
        <div className="nhsuk-checkboxes__item">
          <input className="nhsuk-checkboxes__input" id="lookup-override" type="checkbox" checked={override} onChange={(e) => setOverride(e.target.checked)} />
          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="lookup-override">
            Real and immediate risk to life: share despite a recorded refusal (vital interests)
          </label>
        </div>
        {override ? (
          <TextAreaField id="lookup-vital" label="Why there is a risk to life" value={vital} onValueChange={setVital} error={form.errors.vitalInterests?.message} maxLength={2000} />
        ) : null}
        <button type="submit" className="nhsuk-button" aria-disabled={busy}>
          {busy ? 'Asking the central record…' : 'Look up'}
        </button>
      </form>
      {answer ? (
        <section aria-labelledby="lookup-results" className="sonar-section" data-testid="lookup-results">
          <h2 className="nhsuk-heading-m" id="lookup-results">
            {answer.people.length === 0 ? 'No shared record holds this identifier' : answer.people.length === 1 ? 'Shared record found' : `${answer.people.length} records hold this identifier: check which is this person`}
          </h2>
          {answer.people.map((p) => (
            <div key={p.personId} className="sonar-panel" data-testid="lookup-person">
              <p className="nhsuk-body-l">
                {p.person ? (
                  <>
                    <strong>{p.person.familyName.toUpperCase()}</strong>, {p.person.givenNames}, born {formatClinicalDate(p.person.birthDate)}
                  </>
                ) : (
                  'Nothing identifying was shared'
                )}
              </p>
              <ul className="nhsuk-list">
                {p.decisions.map((d) => (
                  <li key={d.originSite} data-testid="lookup-decision">
                    <strong>{d.originSite}</strong>: {outcomeText[d.outcome]}
                    {d.permitted.length > 0 ? <> ({d.permitted.map((c) => categoryLabels[c]).join(', ')})</> : null}
                    {d.withheld.map((w) => (
                      <p key={w.category} className="nhsuk-body-s sonar-withheld">
                        Withheld: {categoryLabels[w.category]}, because {w.rule}
                      </p>
                    ))}
                  </li>
                ))}
              </ul>
              <p className="nhsuk-body-s">
                {p.received} entries received{p.more ? '; the rest arrive in the background' : ''}.
                {p.subscribedUntil ? ` Updates follow until ${formatClinicalDateTime(p.subscribedUntil)} unless a stay starts here.` : ''}
              </p>
              {p.person ? (
                <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => navigate({ name: 'record', personId: p.personId })}>
                  Open the record<span className="nhsuk-u-visually-hidden">: {p.person.familyName}</span>
                </button>
              ) : null}
            </div>
          ))}
        </section>
      ) : null}
    </>
  );
}
