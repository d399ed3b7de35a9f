// "Record a consent decision": share or do not share, what it covers, the legal basis, the day it
// was decided (today unless changed) and any notes. Checked here first, then by the server, whose
// refusals are shown at the fields they name.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { DataCategory, LegalBasis } from '../../../domain/access/disclosure';
import type { FieldErrors } from '../../app/form-errors';
import { useApp } from '../../app/store-context';
import { useFormErrors } from '../../app/use-form-errors';
import { ErrorSummary } from '../../components/ErrorSummary';
import { RadioField } from '../../components/RadioField';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { CheckboxesField, DateField } from './CheckboxesField';
import { checkDate, draftFromLocalDate, type DateDraft } from './date-only';
import { categories, categoryLabels, legalBases, legalBasisLabels, listInWords, toggle } from './disclosure-labels';

type Decision = 'share' | 'do_not_share';
type Field = 'decision' | 'categories' | 'legalBasis' | 'decidedOn' | 'notes';
const fields: readonly Field[] = ['decision', 'categories', 'legalBasis', 'decidedOn', 'notes'];
const targets: Record<Field, string> = {
  decision: 'consent-decision-share',
  categories: `consent-categories-${categories[0] ?? ''}`,
  legalBasis: 'consent-legal-basis',
  decidedOn: 'consent-decided-on-day',
  notes: 'consent-notes',
};

export const decisionLabels: Record<Decision, string> = { share: 'Share', do_not_share: 'Do not share' };

interface Props {
  personId: string;
  onDone(message: string): void;
  onCancel(): void;
}

export function ConsentForm({ personId, onDone, onCancel }: Props) {
  const call = useApp((s) => s.call);
  const [decision, setDecision] = useState<Decision | ''>('');
  const [chosen, setChosen] = useState<DataCategory[]>([]);
  const [legalBasis, setLegalBasis] = useState<LegalBasis | ''>('');
  const [decidedOn, setDecidedOn] = useState<DateDraft>(() => draftFromLocalDate(new Date()));
  const [notes, setNotes] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFormErrors(fields);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const errors: FieldErrors<Field> = {};
    if (decision === '') errors.decision = { message: 'Select whether the person agrees to share', target: targets.decision };
    if (chosen.length === 0) errors.categories = { message: 'Choose what the decision covers', target: targets.categories };
    if (legalBasis === '') errors.legalBasis = { message: 'Select the legal basis', target: targets.legalBasis };
    const date = checkDate(decidedOn, 'Date decided');
    if (!date.ok) errors.decidedOn = { message: date.message, target: `consent-decided-on-${date.parts[0] ?? 'day'}`, parts: date.parts };
    if (Object.keys(errors).length > 0 || decision === '' || legalBasis === '' || !date.ok) {
      form.show(errors);
      return;
    }
    setBusy(true);
    const result = await call('consent.record', {
      personId,
      decision,
      categories: chosen,
      legalBasis,
      decidedOn: date.iso,
      notes: notes.trim() === '' ? null : notes.trim(),
    });
    setBusy(false);
    if (result.ok) onDone(`Consent decision recorded: ${decisionLabels[decision].toLowerCase()} ${listInWords(chosen, categoryLabels).toLowerCase()}.`);
    else form.showServer(result.error, targets);
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="sonar-panel" aria-labelledby="consent-form-title" data-testid="consent-form">
      <h3 id="consent-form-title" tabIndex={-1} ref={heading}>
        Record a consent decision
      </h3>
      <ErrorSummary items={form.items} focusKey={form.focusKey} idPrefix="consent-" />
      <RadioField
        id="consent-decision"
        legend="Does the person agree to share this information?"
        value={decision}
        options={[
          { value: 'share', label: 'Share', hint: 'The person agrees it may be shared with services that care for them' },
          { value: 'do_not_share', label: 'Do not share', hint: 'The person does not want it shared' },
        ]}
        onValueChange={(v) => {
          setDecision(v as Decision);
          form.clearField('decision');
        }}
        error={form.errors.decision?.message}
      />
      <CheckboxesField
        id="consent-categories"
        legend="What the decision covers"
        hint="Select all that apply"
        options={categories}
        labels={categoryLabels}
        value={chosen}
        onToggle={(c) => {
          setChosen((v) => toggle(v, c, categories));
          form.clearField('categories');
        }}
        error={form.errors.categories?.message}
      />
      <SelectField
        id="consent-legal-basis"
        label="Legal basis"
        value={legalBasis}
        onValueChange={(v) => {
          setLegalBasis(v as LegalBasis | '');
          form.clearField('legalBasis');
        }}
        error={form.errors.legalBasis?.message}
        options={[{ value: '', label: 'Choose a legal basis' }, ...legalBases.map((b) => ({ value: b, label: legalBasisLabels[b] }))]}
      />
      <DateField id="consent-decided-on" legend="Date decided" value={decidedOn} onChange={setDecidedOn} error={form.errors.decidedOn} />
      <TextAreaField id="consent-notes" label="Notes (optional)" value={notes} onValueChange={setNotes} error={form.errors.notes?.message} maxLength={1000} />
      <div className="sonar-button-row">
        <button type="submit" className="nhsuk-button" aria-disabled={busy}>
          {busy ? 'Saving decision…' : 'Save decision'}
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
