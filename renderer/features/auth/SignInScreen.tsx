import { useEffect, useRef, useState, type FormEvent } from 'react';
import { summaryItems, type FieldErrors } from '../../app/form-errors';
import { usePageTitle } from '../../app/page-title';
import { useApp } from '../../app/store-context';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/TextField';

type Field = 'username' | 'password';
const fields: readonly Field[] = ['username', 'password'];

export function SignInScreen() {
  usePageTitle('Sign in');
  const signIn = useApp((s) => s.signIn);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [submits, setSubmits] = useState(0);
  const [busy, setBusy] = useState(false);
  const usernameRef = useRef<HTMLInputElement>(null);
  useEffect(() => usernameRef.current?.focus(), []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const found: FieldErrors<Field> = {};
    if (username.trim() === '') found.username = { message: 'Enter your username' };
    if (password === '') found.password = { message: 'Enter your password' };
    setSubmits((n) => n + 1);
    setErrors(found);
    setGeneral([]);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const result = await signIn(username, password);
    if (result.ok) return; // the store has moved on to the search screen
    setBusy(false);
    // Whether the username or the password was wrong is not said: that would help a guesser.
    setPassword('');
    if (result.error.code === 'invalid_input' && result.error.path && fields.includes(result.error.path as Field)) {
      setErrors({ [result.error.path]: { message: result.error.issues?.[0]?.message ?? result.error.message } });
    } else if (result.error.code === 'unauthenticated') {
      setErrors({ password: { message: result.error.message } });
    } else {
      setGeneral([result.error.message]);
    }
    setSubmits((n) => n + 1);
  }

  return (
    <>
      <h1>Sign in</h1>
      <ErrorSummary items={summaryItems(fields, errors, general)} focusKey={submits} />
      <form noValidate onSubmit={(e) => void submit(e)}>
        <TextField
          id="username"
          label="Username"
          value={username}
          onValueChange={setUsername}
          error={errors.username?.message}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          width="20"
          inputRef={usernameRef}
        />
        <TextField id="password" label="Password" type="password" value={password} onValueChange={setPassword} error={errors.password?.message} autoComplete="current-password" width="20" />
        <button type="submit" className="nhsuk-button" aria-disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </>
  );
}
