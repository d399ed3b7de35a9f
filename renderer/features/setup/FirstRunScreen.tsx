// First run: the site exists (its config file) but nobody can sign in yet. Whoever installs it
// creates the first administrator, who at a small site often also works clinically.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { SiteSummary } from '../../../contract/site-config';
import { clinicalRoles, roleLabels } from '../../../domain/access/roles';
import { serverErrors, summaryItems, type FieldErrors } from '../../app/form-errors';
import { siteTypeLabel } from '../../app/SiteName';
import { usePageTitle } from '../../app/page-title';
import { useApp } from '../../app/store-context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/TextField';
import { MIN_PASSWORD, NO_CLINICAL_ROLE, setupFields, validateSetup, type SetupDraft, type SetupField } from './setup-form';

const initial: SetupDraft = { fullName: '', username: '', password: '', confirmPassword: '', clinicalRole: 'custody_hcp' };

export function FirstRunScreen({ site }: { site: SiteSummary }) {
  usePageTitle('Set up this site');
  const call = useApp((s) => s.call);
  const navigate = useApp((s) => s.navigate);
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors<SetupField>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [submits, setSubmits] = useState(0);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const update = <K extends keyof SetupDraft>(key: K, value: SetupDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const check = validateSetup(draft);
    setSubmits((n) => n + 1);
    if (!check.ok) {
      setErrors(check.errors);
      setGeneral([]);
      return;
    }
    setBusy(true);
    const result = await call('setup.createFirstAdmin', check.input);
    setBusy(false);
    if (result.ok) {
      navigate({ name: 'signIn' }, { kind: 'success', text: `Administrator account created for ${check.input.fullName}. Sign in with username ${check.input.username}.` });
      return;
    }
    const mapped = serverErrors(setupFields, result.error);
    setErrors(mapped.fields);
    setGeneral(mapped.general);
  }

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        Set up this site
      </h1>
      <dl className="nhsuk-summary-list" data-testid="setup-site">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Site</dt>
          <dd className="nhsuk-summary-list__value">
            {site.siteName}
            {site.demo ? (
              <>
                {' '}
                <strong className="nhsuk-tag nhsuk-tag--orange">DEMO</strong>
              </>
            ) : null}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Site code</dt>
          <dd className="nhsuk-summary-list__value">{site.siteCode}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Type</dt>
          <dd className="nhsuk-summary-list__value">{siteTypeLabel(site)}</dd>
        </div>
      </dl>
      {site.demo ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>This is a demonstration site. Use made-up people only: it accepts NHS test numbers starting 999.</p>
        </div>
      ) : null}

      <ErrorSummary items={summaryItems(setupFields, errors, general)} focusKey={submits} />
      <form noValidate onSubmit={(e) => void submit(e)}>
        <h2>Create the first administrator</h2>
        <p>The administrator adds staff and looks after this site&apos;s settings.</p>
        <TextField id="fullName" label="Full name" value={draft.fullName} onValueChange={(v) => update('fullName', v)} error={errors.fullName?.message} autoComplete="name" spellCheck={false} width="30" />
        <TextField
          id="username"
          label="Username"
          hint="Letters, digits, dots, hyphens and underscores. At least 3 characters."
          value={draft.username}
          onValueChange={(v) => update('username', v)}
          error={errors.username?.message}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          width="20"
        />
        <TextField
          id="password"
          label="Password"
          type="password"
          hint={`At least ${MIN_PASSWORD} characters. A few unrelated words are easy to remember and hard to guess.`}
          value={draft.password}
          onValueChange={(v) => update('password', v)}
          error={errors.password?.message}
          autoComplete="new-password"
          width="20"
        />
        <TextField
          id="confirmPassword"
          label="Confirm password"
          type="password"
          value={draft.confirmPassword}
          onValueChange={(v) => update('confirmPassword', v)}
          error={errors.confirmPassword?.message}
          autoComplete="new-password"
          width="20"
        />
        <div className={`nhsuk-form-group${errors.clinicalRole ? ' nhsuk-form-group--error' : ''}`}>
          <label className="nhsuk-label" htmlFor="clinicalRole">
            Also works clinically as
          </label>
          <div className="nhsuk-hint" id="clinicalRole-hint">
            Choose a clinical role if the administrator will also see patients at this site.
          </div>
          {errors.clinicalRole ? <ErrorMessage id="clinicalRole-error" message={errors.clinicalRole.message} /> : null}
          <select
            className="nhsuk-select"
            id="clinicalRole"
            aria-describedby="clinicalRole-hint"
            value={draft.clinicalRole}
            onChange={(e) => update('clinicalRole', e.target.value as SetupDraft['clinicalRole'])}
          >
            {clinicalRoles.map((role) => (
              <option key={role} value={role}>
                {roleLabels[role]}
              </option>
            ))}
            <option value={NO_CLINICAL_ROLE}>No clinical role</option>
          </select>
        </div>
        <button type="submit" className="nhsuk-button" aria-disabled={busy}>
          {busy ? 'Creating administrator…' : 'Create administrator'}
        </button>
      </form>
    </>
  );
}
