// "Register a person". Problems are caught at the field (NHS number on leaving the box) and again
// on submit; server refusals are mapped back to the field they name. Success opens the record.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { bannerName } from '../../../domain/person/person-name';
import { serverErrors, summaryItems, type FieldErrors } from '../../app/form-errors';
import { usePageTitle } from '../../app/page-title';
import { useApp } from '../../app/store-context';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/TextField';
import { localIsoDate } from '../../format/person-format';
import { DateOfBirthField } from './DateOfBirthField';
import { NhsNumberField } from './NhsNumberField';
import { draftFromSearch } from './prefill';
import { checkNhsNumberField, emptyDraft, registerFields, registerTargets, validateRegister, type RegisterDraft, type RegisterField } from './register-form';
import { SexField } from './SexField';

export function RegisterScreen({ prefill }: { prefill?: string | undefined }) {
  usePageTitle('Register a person');
  const call = useApp((s) => s.call);
  const navigate = useApp((s) => s.navigate);
  const demo = useApp((s) => s.site?.demo ?? false);
  const [draft, setDraft] = useState<RegisterDraft>(() => draftFromSearch(prefill, emptyDraft));
  const [errors, setErrors] = useState<FieldErrors<RegisterField>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [submits, setSubmits] = useState(0);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const update = <K extends keyof RegisterDraft>(key: K, value: RegisterDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const clearError = (field: RegisterField) =>
    setErrors((e) => {
      if (!e[field]) return e;
      const next = { ...e };
      delete next[field];
      return next;
    });

  function checkNhsOnBlur() {
    if (draft.nhsNumber.trim() === '') return; // an empty box is for the submit check to raise
    const message = checkNhsNumberField(draft.nhsNumber, draft.nhsNumberNotKnown, demo);
    setErrors((e) => {
      const next = { ...e };
      if (message) next.nhsNumber = { message };
      else delete next.nhsNumber;
      return next;
    });
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const check = validateRegister(draft, { today: localIsoDate(new Date()), allowTestNumbers: demo });
    setSubmits((n) => n + 1);
    if (!check.ok) {
      setErrors(check.errors);
      setGeneral([]);
      return;
    }
    setErrors({});
    setGeneral([]);
    setBusy(true);
    const result = await call('patients.register', check.input);
    setBusy(false);
    if (result.ok) {
      navigate({ name: 'record', personId: result.value.personId }, { kind: 'success', text: `${bannerName(check.input)} has been registered.` });
      return;
    }
    const mapped = serverErrors(registerFields, result.error, registerTargets);
    setErrors(mapped.fields);
    setGeneral(mapped.general);
    setSubmits((n) => n + 1);
  }

  return (
    <>
      <a
        className="nhsuk-back-link"
        href="#search"
        onClick={(e) => {
          e.preventDefault();
          navigate({ name: 'search' });
        }}
      >
        Back to search
      </a>
      <h1>Register a person</h1>
      <ErrorSummary items={summaryItems(registerFields, errors, general)} focusKey={submits} />
      <form noValidate onSubmit={(e) => void submit(e)}>
        <TextField
          id="familyName"
          label="Family name"
          value={draft.familyName}
          onValueChange={(v) => {
            update('familyName', v);
            clearError('familyName');
          }}
          error={errors.familyName?.message}
          autoComplete="off"
          spellCheck={false}
          width="20"
          inputRef={first}
        />
        <TextField
          id="givenNames"
          label="Given names"
          hint="All of them, in order"
          value={draft.givenNames}
          onValueChange={(v) => {
            update('givenNames', v);
            clearError('givenNames');
          }}
          error={errors.givenNames?.message}
          autoComplete="off"
          spellCheck={false}
          width="30"
        />
        <TextField id="title" label="Title (optional)" hint="For example, Mr, Ms, Dr" value={draft.title} onValueChange={(v) => update('title', v)} error={errors.title?.message} autoComplete="off" width="5" />
        <DateOfBirthField
          day={draft.birthDay}
          month={draft.birthMonth}
          year={draft.birthYear}
          onChange={(part, value) => update(part === 'day' ? 'birthDay' : part === 'month' ? 'birthMonth' : 'birthYear', value)}
          error={errors.birthDate}
        />
        <SexField
          value={draft.sex}
          onChange={(sex) => {
            update('sex', sex);
            clearError('sex');
          }}
          error={errors.sex?.message}
        />
        <NhsNumberField
          value={draft.nhsNumber}
          notKnown={draft.nhsNumberNotKnown}
          onChange={(v) => update('nhsNumber', v)}
          onNotKnownChange={(notKnown) => {
            update('nhsNumberNotKnown', notKnown);
            clearError('nhsNumber');
          }}
          onBlur={checkNhsOnBlur}
          error={errors.nhsNumber?.message}
        />
        <button type="submit" className="nhsuk-button" aria-disabled={busy}>
          {busy ? 'Registering…' : 'Register person'}
        </button>
      </form>
    </>
  );
}
