// The locked screen of a shared PC: whose session this is, their password to carry on where they
// were, or a way for someone else to sign in (which ends this session). Nothing about any patient
// is on the page while it shows.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { usePageTitle } from '../../app/page-title';
import { useApp } from '../../app/store-context';
import { useFormErrors } from '../../app/use-form-errors';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/TextField';
import type { ScreenLock } from './lock-slice';

type Field = 'unlock-password';
const fields: readonly Field[] = ['unlock-password'];

const why: Record<ScreenLock['reason'], string> = {
  idle: 'The screen locked because it was not used for a while.',
  refused: 'The screen locked because it was not used for a while.',
  manual: 'The screen was locked.',
};

export function LockScreen({ lock }: { lock: ScreenLock }) {
  usePageTitle('Screen locked');
  const unlock = useApp((s) => s.unlock);
  const switchUser = useApp((s) => s.switchUser);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFormErrors(fields);
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => box.current?.focus(), []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (password === '') {
      form.show({ 'unlock-password': { message: 'Enter your password' } });
      return;
    }
    setBusy(true);
    const result = await unlock(password);
    if (result.ok) return; // the store shows the screen the user was on
    setBusy(false);
    setPassword('');
    const message = result.error.code === 'password_change_required' ? `${result.error.message} Sign in again to do so.` : result.error.message;
    if (result.error.path === 'password') form.show({ 'unlock-password': { message } });
    else form.show({}, [message]);
  }

  return (
    <div className="sonar-lock" data-testid="lock-screen">
      <h1 className="nhsuk-heading-l">Screen locked</h1>
      <p className="nhsuk-body-l">
        {why[lock.reason]} It is in use by <strong data-testid="locked-user">{lock.fullName}</strong> ({lock.username}).
      </p>
      <ErrorSummary items={form.items} focusKey={form.focusKey} />
      <form noValidate onSubmit={(e) => void submit(e)}>
        <TextField
          id="unlock-password"
          label={`Password for ${lock.fullName}`}
          type="password"
          value={password}
          onValueChange={(v) => {
            setPassword(v);
            form.clearField('unlock-password');
          }}
          error={form.errors['unlock-password']?.message}
          autoComplete="current-password"
          width="20"
          inputRef={box}
        />
        <div className="sonar-button-row">
          <button type="submit" className="nhsuk-button" aria-disabled={busy}>
            {busy ? 'Unlocking…' : 'Unlock'}
          </button>
        </div>
      </form>
      <h2 className="nhsuk-heading-s">Not {lock.fullName}?</h2>
      <p className="nhsuk-body">Signing in as someone else ends {lock.fullName}&rsquo;s session. Anything they had not saved is lost.</p>
      <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => void switchUser()}>
        Sign in as someone else
      </button>
    </div>
  );
}
