// Adding an identifier to a record: checked here with the domain rules, then by the server, which
// refuses one already held by another person (a likely duplicate record).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { IdentifierType } from '../../../domain/identifiers/identifier-types';
import { useApp } from '../../app/store-context';
import { useFormErrors } from '../../app/use-form-errors';
import { ErrorSummary } from '../../components/ErrorSummary';
import { formatIdentifier, identifierTypeLabels } from '../../../domain/identifiers/identifier-types';
import { checkIdentifierDraft, type IdentifierDraft } from './identifier-input';
import { IdentifierInputs } from './IdentifierInputs';

type Field = 'type' | 'value';
const fields: readonly Field[] = ['type', 'value'];

interface Props {
  personId: string;
  types: readonly IdentifierType[];
  onDone(message: string): void;
  onCancel(): void;
}

export function AddIdentifierForm({ personId, types, onDone, onCancel }: Props) {
  const call = useApp((s) => s.call);
  const demo = useApp((s) => s.site?.demo ?? false);
  const [draft, setDraft] = useState<IdentifierDraft>({ type: '', value: '' });
  const [busy, setBusy] = useState(false);
  const form = useFormErrors(fields);
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const check = checkIdentifierDraft(draft, { allowTestNumbers: demo, now: new Date() });
    if (!check.ok) {
      form.show({ [check.on]: { message: check.message, target: `add-identifier-${check.on}` } });
      return;
    }
    setBusy(true);
    const result = await call('patients.addIdentifier', { personId, identifier: { type: check.type, value: check.value } });
    setBusy(false);
    if (result.ok) onDone(`${identifierTypeLabels[check.type]} ${formatIdentifier(check.type, result.value.value)} added.`);
    else {
      // The server names `identifier.value` (or `.type`); the form's fields are the last part.
      const issues = (result.error.issues ?? [{ path: result.error.path ?? '', message: result.error.message }]).map((i) => ({
        ...i,
        path: i.path.replace(/^identifier\./, ''),
      }));
      form.showServer({ ...result.error, issues }, { type: 'add-identifier-type', value: 'add-identifier-value' });
    }
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="sonar-panel" data-testid="add-identifier-form">
      <h3>Add an identifier</h3>
      <ErrorSummary items={form.items} focusKey={form.focusKey} idPrefix="identifier-" />
      <IdentifierInputs
        id="add-identifier"
        draft={draft}
        types={types}
        typeRef={first}
        onChange={(d) => {
          setDraft(d);
          form.clear();
        }}
        typeError={form.errors.type?.message}
        valueError={form.errors.value?.message}
      />
      <div className="sonar-button-row">
        <button type="submit" className="nhsuk-button" aria-disabled={busy}>
          {busy ? 'Adding…' : 'Add identifier'}
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
