// "Register a person". Problems are caught at the field (identifiers on leaving the box) and again
// on submit. Before saving, people already held who may be this person are shown for the
// clinician to open or reject (DuplicateReview); server refusals are mapped back to the field
// they name. Success opens the record.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ChannelInput } from '../../../contract/channels';
import type { DuplicateCandidate } from '../../../contract/channels/identity';
import type { RpcError } from '../../../contract/result';
import { bannerName } from '../../../domain/person/person-name';
import { serverErrors, summaryItems, type FieldErrors } from '../../app/form-errors';
import { usePageTitle } from '../../app/page-title';
import { useApp } from '../../app/store-context';
import { BackLink } from '../../components/BackLink';
import { ErrorSummary } from '../../components/ErrorSummary';
import { localIsoDate } from '../../format/person-format';
import { checkIdentifierDraft, type IdentifierDraft } from '../identity/identifier-input';
import { DuplicateReview } from './DuplicateReview';
import { draftFromSearch } from './prefill';
import { checkExtras, extraFieldOfPath, extraOrder, type AliasDraft, type ExtraField } from './register-extras';
import { checkNhsNumberField, emptyDraft, registerFields, registerTargets, validateRegister, type RegisterDraft, type RegisterField } from './register-form';
import { RegisterFields } from './RegisterFields';

type Field = RegisterField | ExtraField;
type RegisterInput = ChannelInput<'patients.register'>;
type Review = { candidates: DuplicateCandidate[]; input: RegisterInput };

export function RegisterScreen({ prefill }: { prefill?: string | undefined }) {
  usePageTitle('Register a person');
  const call = useApp((s) => s.call);
  const navigate = useApp((s) => s.navigate);
  const demo = useApp((s) => s.site?.demo ?? false);
  const [draft, setDraft] = useState<RegisterDraft>(() => draftFromSearch(prefill, emptyDraft));
  const [identifiers, setIdentifiers] = useState<IdentifierDraft[]>([]);
  const [aliases, setAliases] = useState<AliasDraft[]>([]);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [submits, setSubmits] = useState(0);
  const [busy, setBusy] = useState(false);
  const [review, setReview] = useState<Review | null>(null);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!review) first.current?.focus();
  }, [review]);
  const today = localIsoDate(new Date());
  const order: Field[] = [...registerFields, ...extraOrder(identifiers, aliases)];

  const setFieldError = (field: Field, message: string | null) =>
    setErrors((e) => {
      const next = { ...e };
      if (message) next[field] = { message };
      else delete next[field];
      return next;
    });

  function checkNhsOnBlur() {
    if (draft.nhsNumber.trim() === '') return; // an empty box is for the submit check to raise
    setFieldError('nhsNumber', checkNhsNumberField(draft.nhsNumber, draft.nhsNumberNotKnown, demo));
  }

  function checkIdentifierOnBlur(i: number) {
    const row = identifiers[i];
    if (!row || row.value.trim() === '' || row.type === '') return;
    const check = checkIdentifierDraft(row, { allowTestNumbers: demo, now: new Date() });
    setFieldError(`identifier-${i}-value`, check.ok ? null : check.message);
  }

  function showProblems(next: FieldErrors<Field>, nextGeneral: string[] = []) {
    setErrors(next);
    setGeneral(nextGeneral);
    setSubmits((n) => n + 1);
  }

  function showServer(error: RpcError) {
    const issues = (error.issues ?? [{ path: error.path ?? '', message: error.message }]).map((i) => ({ ...i, path: extraFieldOfPath(i.path) ?? i.path }));
    const mapped = serverErrors<Field>(order, { ...error, issues }, registerTargets);
    setReview(null);
    showProblems(mapped.fields, mapped.general);
  }

  async function register(input: RegisterInput) {
    setBusy(true);
    const result = await call('patients.register', input);
    setBusy(false);
    if (result.ok) {
      navigate({ name: 'record', personId: result.value.personId }, { kind: 'success', text: `${bannerName(input)} has been registered.` });
    } else if (result.error.code === 'conflict' && !result.error.path) {
      // Someone may have registered a likely duplicate since the check: look again and show it.
      await checkDuplicates(input, result.error);
    } else {
      showServer(result.error);
    }
  }

  async function checkDuplicates(input: RegisterInput, otherwise?: RpcError) {
    setBusy(true);
    const identifierList = [...(input.nhsNumber ? [{ type: 'nhs_number' as const, value: input.nhsNumber }] : []), ...(input.otherIdentifiers ?? [])];
    const found = await call('patients.findDuplicates', {
      familyName: input.familyName,
      givenNames: input.givenNames,
      birthDate: input.birthDate,
      identifiers: identifierList,
      aliases: input.aliases ?? [],
    });
    setBusy(false);
    if (!found.ok) return showServer(found.error);
    if (found.value.candidates.length > 0) setReview({ candidates: found.value.candidates, input });
    else if (otherwise) showServer(otherwise);
    else await register(input);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const check = validateRegister(draft, { today, allowTestNumbers: demo });
    const extras = checkExtras(identifiers, aliases, { allowTestNumbers: demo, now: new Date() });
    const all: FieldErrors<Field> = { ...(check.ok ? {} : check.errors), ...extras.errors };
    if (!check.ok || Object.keys(all).length > 0) {
      showProblems(all);
      return;
    }
    setErrors({});
    setGeneral([]);
    await checkDuplicates({ ...check.input, otherIdentifiers: extras.identifiers, aliases: extras.aliases, reviewedDuplicates: [] });
  }

  if (review) {
    return (
      <>
        <BackLink route={{ name: 'search' }} label="Back to search" />
        <DuplicateReview
          candidates={review.candidates}
          typedName={bannerName(review.input)}
          today={today}
          busy={busy}
          onOpen={(personId) => navigate({ name: 'record', personId })}
          onBack={() => setReview(null)}
          onNoneMatch={() => {
            if (!busy) void register({ ...review.input, reviewedDuplicates: review.candidates.map((c) => c.person.id) });
          }}
        />
      </>
    );
  }

  return (
    <>
      <BackLink route={{ name: 'search' }} label="Back to search" />
      <h1>Register a person</h1>
      <ErrorSummary items={summaryItems(order, errors, general)} focusKey={submits} />
      <form noValidate onSubmit={(e) => void submit(e)}>
        <RegisterFields
          draft={draft}
          setDraft={setDraft}
          identifiers={identifiers}
          setIdentifiers={setIdentifiers}
          aliases={aliases}
          setAliases={setAliases}
          errors={errors}
          clearError={(f) => setFieldError(f, null)}
          onNhsBlur={checkNhsOnBlur}
          onIdentifierBlur={checkIdentifierOnBlur}
          firstRef={first}
        />
        <button type="submit" className="nhsuk-button" aria-disabled={busy}>
          {busy ? 'Checking…' : 'Register person'}
        </button>
      </form>
    </>
  );
}
