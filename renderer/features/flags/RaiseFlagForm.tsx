// "Raise a flag": the type, its severity and the objective reason (what was seen, said or
// found). The reason shows in the banner beside the flag on every screen.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Flag } from '../../../contract/channels/flags';
import type { Severity } from '../../../domain/templates/template-schema';
import type { FieldErrors } from '../../app/form-errors';
import { useApp } from '../../app/store-context';
import { useFormErrors } from '../../app/use-form-errors';
import { ErrorSummary } from '../../components/ErrorSummary';
import { RadioField } from '../../components/RadioField';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { flagSeverityText } from '../../format/severity-format';
import { OTHER_FLAG, flagTypes, otherFlagCode, severityChoices } from './flag-types';

type Field = 'flagType' | 'label' | 'severity' | 'reason';
const fields: readonly Field[] = ['flagType', 'label', 'severity', 'reason'];
const targets: Partial<Record<Field, string>> = { severity: 'flag-severity-severe', label: 'flag-label', reason: 'flag-reason' };

interface Props {
  personId: string;
  /** A type already active is never raised twice: the clinician is sent to update that flag. */
  activeFlags: readonly Flag[];
  onDone(message: string): void;
  onCancel(): void;
  onUpdateInstead(flagId: string): void;
}

export function RaiseFlagForm({ personId, activeFlags, onDone, onCancel, onUpdateInstead }: Props) {
  const call = useApp((s) => s.call);
  const [type, setType] = useState('');
  const [label, setLabel] = useState('');
  const [severity, setSeverity] = useState<Severity | ''>('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFormErrors(fields);
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);

  function chooseType(code: string) {
    setType(code);
    form.clearField('flagType');
    const known = flagTypes.find((t) => t.code === code);
    if (known && severity === '') setSeverity(known.severity);
  }

  const alreadyActive = activeFlags.find((f) => f.code === type) ?? null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (alreadyActive) {
      onUpdateInstead(alreadyActive.id);
      return;
    }
    const errors: FieldErrors<Field> = {};
    const known = flagTypes.find((t) => t.code === type);
    if (type === '') errors.flagType = { message: 'Select the type of flag', target: 'flag-type' };
    if (type === OTHER_FLAG && label.trim() === '') errors.label = { message: 'Enter what the flag is for', target: 'flag-label' };
    if (severity === '') errors.severity = { message: 'Select how severe the risk is', target: 'flag-severity-severe' };
    if (reason.trim() === '') errors.reason = { message: 'Enter the reason: what was seen, said or found', target: 'flag-reason' };
    if (Object.keys(errors).length > 0 || severity === '') {
      form.show(errors);
      return;
    }
    const flagLabel = known ? known.label : label.trim();
    setBusy(true);
    const result = await call('flags.raise', {
      personId,
      code: known ? known.code : otherFlagCode(flagLabel),
      label: flagLabel,
      severity,
      reason: reason.trim(),
    });
    setBusy(false);
    if (result.ok) onDone(`Flag raised: ${flagLabel}.`);
    else form.showServer(result.error, targets);
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="sonar-panel" aria-labelledby="raise-flag-title" data-testid="raise-flag-form">
      <h3 id="raise-flag-title">Raise a flag</h3>
      <ErrorSummary items={form.items} focusKey={form.focusKey} idPrefix="flag-" />
      <SelectField
        id="flag-type"
        label="Type of flag"
        value={type}
        selectRef={first}
        onValueChange={chooseType}
        error={form.errors.flagType?.message}
        options={[{ value: '', label: 'Choose a type' }, ...flagTypes.map((t) => ({ value: t.code, label: t.label })), { value: OTHER_FLAG, label: 'Other (describe it)' }]}
      />
      {alreadyActive ? (
        <div className="nhsuk-inset-text" data-testid="flag-already-active">
          <p>
            A &ldquo;{alreadyActive.label}&rdquo; flag is already active (set by {alreadyActive.setByName}), because {alreadyActive.reason}
          </p>
          <button type="submit" className="nhsuk-button nhsuk-button--secondary">
            Update the existing flag
          </button>
        </div>
      ) : null}
      {alreadyActive ? null : (
        <>
      {type === OTHER_FLAG ? (
        <TextField id="flag-label" label="What the flag is for" value={label} onValueChange={setLabel} error={form.errors.label?.message} width="30" autoComplete="off" />
      ) : null}
      <RadioField
        id="flag-severity"
        legend="Severity"
        inline
        value={severity}
        options={severityChoices.map((s) => ({ value: s, label: flagSeverityText(s) }))}
        onValueChange={(v) => {
          setSeverity(v as Severity);
          form.clearField('severity');
        }}
        error={form.errors.severity?.message}
      />
      <TextAreaField
        id="flag-reason"
        label="Reason"
        hint="The objective criteria: what was seen, said or found. Everyone who opens this record will read it in the banner."
        value={reason}
        onValueChange={setReason}
        error={form.errors.reason?.message}
        maxLength={1000}
      />
        </>
      )}
      <div className="sonar-button-row">
        {alreadyActive ? null : (
          <button type="submit" className="nhsuk-button" aria-disabled={busy}>
            {busy ? 'Raising flag…' : 'Raise flag'}
          </button>
        )}
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
