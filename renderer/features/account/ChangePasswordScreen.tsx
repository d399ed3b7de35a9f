// First sign-in with a temporary password: the user chooses their own before anything else opens
// (the router refuses every other channel until then).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { usePageTitle } from '../../app/page-title';
import { useApp } from '../../app/store-context';
import { useFormErrors } from '../../app/use-form-errors';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { TextField } from '../../components/TextField';
import { changePasswordFields, checkChangePassword, MIN_PASSWORD_LENGTH, type ChangePasswordDraft, type ChangePasswordField } from './password-form';

export function ChangePasswordScreen() {
  usePageTitle('Change your password');
  const call = useApp((s) => s.call);
  const navigate = useApp((s) => s.navigate);
  const session = useApp((s) => s.session);
  const signOut = useApp((s) => s.signOut);
  const sessionRenewed = useApp((s) => s.sessionRenewed);
  const [draft, setDraft] = useState<ChangePasswordDraft>({ currentPassword: '', newPassword: '', confirmPassword: '' });
  const [busy, setBusy] = useState(false);
  const form = useFormErrors(changePasswordFields);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const set = (field: ChangePasswordField) => (value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    form.clearField(field);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const errors = checkChangePassword(draft);
    if (Object.keys(errors).length > 0) {
      form.show(errors);
      return;
    }
    setBusy(true);
    const result = await call('auth.changePassword', { currentPassword: draft.currentPassword, newPassword: draft.newPassword });
    setBusy(false);
    if (result.ok) {
      // The store learns the password is changed first, so the route guard lets the user on.
      sessionRenewed(result.value);
      navigate({ name: 'search' }, { kind: 'success', text: 'Your password has been changed.' });
      return;
    }
    setDraft({ currentPassword: '', newPassword: '', confirmPassword: '' });
    if (result.error.path === 'password') form.show({ currentPassword: { message: 'The temporary password is not right' } });
    else form.showServer(result.error);
  }

  return (
    <>
      <PageHeading>Choose a new password</PageHeading>
      <p className="nhsuk-body">
        You signed in with a temporary password{session ? `, ${session.user.fullName}` : ''}. Choose your own before going on: it must be at least {MIN_PASSWORD_LENGTH} characters.
        Several words you will remember are easier to type and harder to guess than one short word.
      </p>
      <ErrorSummary items={form.items} focusKey={form.focusKey} />
      <form noValidate onSubmit={(e) => void submit(e)}>
        <TextField
          id="currentPassword"
          label="Temporary password"
          type="password"
          value={draft.currentPassword}
          onValueChange={set('currentPassword')}
          error={form.errors.currentPassword?.message}
          autoComplete="current-password"
          width="20"
          inputRef={first}
        />
        <TextField
          id="newPassword"
          label="New password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
          type="password"
          value={draft.newPassword}
          onValueChange={set('newPassword')}
          error={form.errors.newPassword?.message}
          autoComplete="new-password"
          width="20"
        />
        <TextField
          id="confirmPassword"
          label="New password again"
          type="password"
          value={draft.confirmPassword}
          onValueChange={set('confirmPassword')}
          error={form.errors.confirmPassword?.message}
          autoComplete="new-password"
          width="20"
        />
        <div className="sonar-button-row">
          <button type="submit" className="nhsuk-button" aria-disabled={busy}>
            {busy ? 'Changing password…' : 'Change password'}
          </button>
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </form>
    </>
  );
}
