// Another name the person is known by (logged under at an earlier stay, a maiden name, a
// nickname): aliases are searched and matched for duplicates too.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { bannerName } from '../../../domain/person/person-name';
import { useApp } from '../../app/store-context';
import { useFormErrors } from '../../app/use-form-errors';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/TextField';

type Field = 'familyName' | 'givenNames';
const fields: readonly Field[] = ['familyName', 'givenNames'];

export function AddAliasForm({ personId, onDone, onCancel }: { personId: string; onDone(message: string): void; onCancel(): void }) {
  const call = useApp((s) => s.call);
  const [family, setFamily] = useState('');
  const [given, setGiven] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFormErrors(fields);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (family.trim() === '') {
      form.show({ familyName: { message: 'Enter the family name of the alias', target: 'alias-familyName' } });
      return;
    }
    setBusy(true);
    const alias = { familyName: family.trim(), givenNames: given.trim() };
    const result = await call('patients.addAlias', { personId, alias });
    setBusy(false);
    if (result.ok) onDone(`Alias ${bannerName(alias)} added.`);
    else {
      const issues = (result.error.issues ?? [{ path: result.error.path ?? '', message: result.error.message }]).map((i) => ({ ...i, path: i.path.replace(/^alias\./, '') }));
      form.showServer({ ...result.error, issues }, { familyName: 'alias-familyName', givenNames: 'alias-givenNames' });
    }
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="sonar-panel" data-testid="add-alias-form">
      <h3>Add an alias</h3>
      <ErrorSummary items={form.items} focusKey={form.focusKey} idPrefix="alias-" />
      <div className="sonar-inline-fields">
        <TextField id="alias-familyName" label="Alias family name" value={family} onValueChange={setFamily} error={form.errors.familyName?.message} width="20" autoComplete="off" spellCheck={false} inputRef={first} />
        <TextField id="alias-givenNames" label="Alias given names" value={given} onValueChange={setGiven} error={form.errors.givenNames?.message} width="20" autoComplete="off" spellCheck={false} />
      </div>
      <div className="sonar-button-row">
        <button type="submit" className="nhsuk-button" aria-disabled={busy}>
          {busy ? 'Adding…' : 'Add alias'}
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
