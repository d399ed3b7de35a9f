// The staff administrator's forms: a new account, a change of name, roles or status, and a reset
// to a temporary password. Each checks before sending and shows the router's refusals at the field.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { StaffMember } from '../../../contract/channels/staff';
import type { Role } from '../../../domain/access/roles';
import { useApp } from '../../app/store-context';
import { useFormErrors } from '../../app/use-form-errors';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/TextField';
import { MIN_PASSWORD_LENGTH, newPasswordProblem } from '../account/password-form';
import { RolesField } from './RolesField';
import { checkCreate, checkEdit, createFields, editFields } from './staff-form';

interface Done {
  onDone(message: string): void;
  onCancel(): void;
}

const resetFields = ['temporaryPassword'] as const;
const passwordHint = `At least ${MIN_PASSWORD_LENGTH} characters. Give it to them in person; they must choose their own when they first sign in.`;

function Buttons({ busy, label, busyLabel, onCancel }: { busy: boolean; label: string; busyLabel: string; onCancel(): void }) {
  return (
    <div className="sonar-button-row">
      <button type="submit" className="nhsuk-button" aria-disabled={busy}>
        {busy ? busyLabel : label}
      </button>
      <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

function useFocusFirst() {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

export function CreateStaffForm({ onDone, onCancel }: Done) {
  const call = useApp((s) => s.call);
  const [fullName, setFullName] = useState('');
  const [username, setUsername] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [temporaryPassword, setTemporaryPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFormErrors(createFields);
  const first = useFocusFirst();
  const rolesTarget = 'new-role-custody_hcp';

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const errors = checkCreate({ fullName, username, roles, temporaryPassword });
    if (errors.roles) errors.roles.target = rolesTarget;
    if (Object.keys(errors).length > 0) {
      form.show(errors);
      return;
    }
    setBusy(true);
    const result = await call('staff.create', { fullName: fullName.trim(), username: username.trim().toLowerCase(), roles, temporaryPassword });
    setBusy(false);
    if (result.ok) onDone(`Account created for ${fullName.trim()} (${username.trim().toLowerCase()}). They must change the temporary password when they first sign in.`);
    else form.showServer(result.error, { roles: rolesTarget });
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} data-testid="create-staff-form">
      <h2 className="nhsuk-heading-m">Add a staff account</h2>
      <ErrorSummary items={form.items} focusKey={form.focusKey} idPrefix="create-" />
      <TextField id="fullName" label="Full name" value={fullName} onValueChange={setFullName} error={form.errors.fullName?.message} autoComplete="off" width="30" inputRef={first} />
      <TextField
        id="username"
        label="Username"
        hint="What they type to sign in: letters, digits, dots, hyphens or underscores, for example jo.bloggs."
        value={username}
        onValueChange={setUsername}
        error={form.errors.username?.message}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        width="20"
      />
      <RolesField idPrefix="new-role" value={roles} onChange={setRoles} error={form.errors.roles?.message} />
      <TextField
        id="temporaryPassword"
        label="Temporary password"
        hint={passwordHint}
        value={temporaryPassword}
        onValueChange={setTemporaryPassword}
        error={form.errors.temporaryPassword?.message}
        autoComplete="off"
        spellCheck={false}
        width="20"
      />
      <Buttons busy={busy} label="Create account" busyLabel="Creating account…" onCancel={onCancel} />
    </form>
  );
}

export function EditStaffForm({ member, onDone, onCancel }: Done & { member: StaffMember }) {
  const call = useApp((s) => s.call);
  const [fullName, setFullName] = useState(member.fullName);
  const [roles, setRoles] = useState<Role[]>(member.roles);
  const [disabled, setDisabled] = useState(member.disabled);
  const [busy, setBusy] = useState(false);
  const form = useFormErrors(editFields);
  const first = useFocusFirst();
  const rolesTarget = 'edit-role-custody_hcp';

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const errors = checkEdit({ fullName, roles });
    if (errors.roles) errors.roles.target = rolesTarget;
    if (Object.keys(errors).length > 0) {
      form.show(errors);
      return;
    }
    setBusy(true);
    const result = await call('staff.update', { userId: member.id, fullName: fullName.trim(), roles, disabled });
    setBusy(false);
    if (result.ok) onDone(`Account changed: ${fullName.trim()} (${member.username})${disabled ? ', disabled' : ''}. Any session they had open has ended.`);
    else form.showServer(result.error, { roles: rolesTarget });
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} data-testid="edit-staff-form">
      <h2 className="nhsuk-heading-m">
        Change the account of {member.fullName} ({member.username})
      </h2>
      <ErrorSummary items={form.items} focusKey={form.focusKey} idPrefix="edit-" />
      <TextField id="edit-fullName" label="Full name" value={fullName} onValueChange={setFullName} error={form.errors.fullName?.message} autoComplete="off" width="30" inputRef={first} />
      <RolesField idPrefix="edit-role" value={roles} onChange={setRoles} error={form.errors.roles?.message} />
      <div className="nhsuk-form-group">
        <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
          <div className="nhsuk-checkboxes__item">
            <input className="nhsuk-checkboxes__input" id="edit-disabled" type="checkbox" checked={disabled} onChange={() => setDisabled((d) => !d)} aria-describedby="edit-disabled-hint" />
            <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="edit-disabled">
              Account disabled
            </label>
            <div className="nhsuk-hint nhsuk-checkboxes__hint" id="edit-disabled-hint">
              A disabled account cannot sign in. Its history stays in the record and the audit trail.
            </div>
          </div>
        </div>
      </div>
      <Buttons busy={busy} label="Save changes" busyLabel="Saving…" onCancel={onCancel} />
    </form>
  );
}

export function ResetPasswordForm({ member, onDone, onCancel }: Done & { member: StaffMember }) {
  const call = useApp((s) => s.call);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFormErrors(resetFields);
  const first = useFocusFirst();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const problem = newPasswordProblem(password);
    if (problem) {
      form.show({ temporaryPassword: { message: problem.replace('a new password', 'a temporary password'), target: 'reset-password' } });
      return;
    }
    setBusy(true);
    const result = await call('staff.resetPassword', { userId: member.id, temporaryPassword: password });
    setBusy(false);
    if (result.ok) onDone(`Password reset for ${member.fullName} (${member.username}). They must change it when they next sign in; any session they had open has ended.`);
    else form.showServer(result.error, { temporaryPassword: 'reset-password' });
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} data-testid="reset-password-form">
      <h2 className="nhsuk-heading-m">
        Reset the password of {member.fullName} ({member.username})
      </h2>
      <ErrorSummary items={form.items} focusKey={form.focusKey} idPrefix="reset-" />
      <TextField
        id="reset-password"
        label="Temporary password"
        hint={passwordHint}
        value={password}
        onValueChange={setPassword}
        error={form.errors.temporaryPassword?.message}
        autoComplete="off"
        spellCheck={false}
        width="20"
        inputRef={first}
      />
      <Buttons busy={busy} label="Reset password" busyLabel="Resetting…" onCancel={onCancel} />
    </form>
  );
}
