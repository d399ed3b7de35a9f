// "Add a data-sharing agreement": reference, version, title, who shares with whom, what, for what,
// and from when (to when, if it ends). Checked here first; the server's refusals (a version that
// already exists, dates the wrong way round) are shown at their fields.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useApp } from '../../app/store-context';
import { useFormErrors } from '../../app/use-form-errors';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/TextField';
import { CheckboxesField, DateField } from '../consent/CheckboxesField';
import { emptyDate } from '../consent/date-only';
import { categories, categoryLabels, orgTypeLabels, orgTypes, purposeLabels, purposes, toggle } from '../consent/disclosure-labels';
import { agreementFields, agreementTargets, checkAgreement, unwrapAgreementPaths, type AgreementDraft } from './agreement-form';

const blank: AgreementDraft = {
  id: '',
  version: '1',
  title: '',
  fromOrgTypes: [],
  toOrgTypes: [],
  categories: [],
  purposes: [],
  validFrom: emptyDate,
  validTo: emptyDate,
};

interface Props {
  onDone(message: string): void;
  onCancel(): void;
}

export function AddAgreementForm({ onDone, onCancel }: Props) {
  const call = useApp((s) => s.call);
  const [draft, setDraft] = useState<AgreementDraft>(blank);
  const [busy, setBusy] = useState(false);
  const form = useFormErrors(agreementFields);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const set = <K extends keyof AgreementDraft>(key: K, value: AgreementDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const checked = checkAgreement(draft);
    if (!checked.ok) {
      form.show(checked.errors);
      return;
    }
    setBusy(true);
    const result = await call('agreements.save', { agreement: checked.agreement });
    setBusy(false);
    if (result.ok) onDone(`Agreement saved: ${checked.agreement.id} version ${checked.agreement.version}, ${checked.agreement.title}.`);
    else form.showServer(unwrapAgreementPaths(result.error), agreementTargets);
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} aria-labelledby="agreement-form-title" data-testid="agreement-form">
      <h2 id="agreement-form-title" className="nhsuk-heading-m">
        Add a data-sharing agreement
      </h2>
      <ErrorSummary items={form.items} focusKey={form.focusKey} idPrefix="agreement-" />
      <TextField
        id="agreement-id"
        label="Agreement reference"
        hint="Capital letters, numbers and hyphens, for example DSA-CUSTODY-01"
        value={draft.id}
        onValueChange={(v) => set('id', v)}
        error={form.errors.id?.message}
        width="20"
        code
        autoComplete="off"
        spellCheck={false}
        inputRef={first}
      />
      <TextField
        id="agreement-version"
        label="Version"
        value={draft.version}
        onValueChange={(v) => set('version', v)}
        error={form.errors.version?.message}
        width="4"
        inputMode="numeric"
        autoComplete="off"
      />
      <TextField id="agreement-title" label="Title" value={draft.title} onValueChange={(v) => set('title', v)} error={form.errors.title?.message} autoComplete="off" maxLength={200} />
      <CheckboxesField
        id="agreement-from"
        legend="Shared by"
        hint="Select all kinds of organisation that may share under the agreement"
        options={orgTypes}
        labels={orgTypeLabels}
        value={draft.fromOrgTypes}
        onToggle={(o) => set('fromOrgTypes', toggle(draft.fromOrgTypes, o, orgTypes))}
        error={form.errors.fromOrgTypes?.message}
      />
      <CheckboxesField
        id="agreement-to"
        legend="Shared with"
        hint="Select all kinds of organisation that may receive information"
        options={orgTypes}
        labels={orgTypeLabels}
        value={draft.toOrgTypes}
        onToggle={(o) => set('toOrgTypes', toggle(draft.toOrgTypes, o, orgTypes))}
        error={form.errors.toOrgTypes?.message}
      />
      <CheckboxesField
        id="agreement-categories"
        legend="Information covered"
        hint="Select all that apply"
        options={categories}
        labels={categoryLabels}
        value={draft.categories}
        onToggle={(c) => set('categories', toggle(draft.categories, c, categories))}
        error={form.errors.categories?.message}
      />
      <CheckboxesField
        id="agreement-purposes"
        legend="Purposes"
        hint="Select what the information may be used for"
        options={purposes}
        labels={purposeLabels}
        value={draft.purposes}
        onToggle={(p) => set('purposes', toggle(draft.purposes, p, purposes))}
        error={form.errors.purposes?.message}
      />
      <DateField id="agreement-valid-from" legend="Start date" value={draft.validFrom} onChange={(v) => set('validFrom', v)} error={form.errors.validFrom} />
      <DateField
        id="agreement-valid-to"
        legend="End date (optional)"
        hint="Leave blank if the agreement has no end date. For example, 31 3 2027"
        value={draft.validTo}
        onChange={(v) => set('validTo', v)}
        error={form.errors.validTo}
      />
      <div className="sonar-button-row">
        <button type="submit" className="nhsuk-button" aria-disabled={busy}>
          {busy ? 'Saving agreement…' : 'Save agreement'}
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
