// "Who looked at this record" (auditor): every access to one person's record, newest first, with
// who, in which role, what, the outcome and the reason; and a check that the audit trail itself is
// whole (its hash chain verifies). The auditor has no patient search: the record id comes from an
// information governance request, or from the break-glass review list.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ChannelOutput } from '../../../contract/channels';
import { usePageTitle } from '../../app/page-title';
import { useApp } from '../../app/store-context';
import { useFormErrors } from '../../app/use-form-errors';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { TextField } from '../../components/TextField';
import { formatClinicalDateTime } from '../../format/person-format';
import { outcomeLabels, readRecordId, rolesText, verifyText } from './audit-format';

type AuditEvent = ChannelOutput<'audit.personAccess'>['events'][number];
type Verify = ChannelOutput<'audit.verify'>;
type Load = { state: 'idle' } | { state: 'loading'; id: string } | { state: 'failed'; id: string; message: string } | { state: 'loaded'; id: string; events: AuditEvent[] };

const fields = ['record-id'] as const;
const outcomeTags = { ok: 'nhsuk-tag--green', refused: 'nhsuk-tag--orange', failed: 'nhsuk-tag--red' } as const;

function AccessTable({ id, events }: { id: string; events: AuditEvent[] }) {
  if (events.length === 0) {
    return (
      <p className="nhsuk-body" data-testid="no-access-events">
        No access to record {id} is in the audit trail.
      </p>
    );
  }
  return (
    <table className="nhsuk-table" data-testid="access-events">
      <caption className="nhsuk-table__caption nhsuk-table__caption--s">
        {events.length} {events.length === 1 ? 'entry' : 'entries'} for record {id}, newest first
      </caption>
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          <th className="nhsuk-table__header" scope="col">When</th>
          <th className="nhsuk-table__header" scope="col">Who</th>
          <th className="nhsuk-table__header" scope="col">Role</th>
          <th className="nhsuk-table__header" scope="col">What</th>
          <th className="nhsuk-table__header" scope="col">Outcome</th>
          <th className="nhsuk-table__header" scope="col">Reason</th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {events.map((e) => (
          <tr className="nhsuk-table__row" key={e.seq} data-testid="access-event">
            <td className="nhsuk-table__cell sonar-nowrap">{formatClinicalDateTime(e.at)}</td>
            <td className="nhsuk-table__cell">{e.username ?? 'Not known'}</td>
            <td className="nhsuk-table__cell">{rolesText(e.roles)}</td>
            <td className="nhsuk-table__cell">{e.action}</td>
            <td className="nhsuk-table__cell">
              <strong className={`nhsuk-tag ${outcomeTags[e.outcome]}`}>{outcomeLabels[e.outcome]}</strong>
            </td>
            <td className="nhsuk-table__cell">{e.reason ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function VerifyTrail() {
  const call = useApp((s) => s.call);
  const [busy, setBusy] = useState(false);
  const [verdict, setVerdict] = useState<Verify | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const result = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (verdict || problem) result.current?.focus();
  }, [verdict, problem]);

  async function verify() {
    if (busy) return;
    setBusy(true);
    setVerdict(null);
    setProblem(null);
    const r = await call('audit.verify', {});
    setBusy(false);
    if (r.ok) setVerdict(r.value);
    else setProblem(r.error.message);
  }

  return (
    <section aria-labelledby="verify-title" className="sonar-section">
      <h2 className="nhsuk-heading-m" id="verify-title">
        Is the audit trail whole?
      </h2>
      <p className="nhsuk-body">Each audit entry is chained to the one before it. Verifying checks every entry, so any entry changed or removed is found.</p>
      <button type="button" className="nhsuk-button nhsuk-button--secondary" aria-disabled={busy} onClick={() => void verify()}>
        {busy ? 'Verifying…' : 'Verify audit trail'}
      </button>
      <div ref={result} tabIndex={-1} role="status" data-testid="verify-result">
        {verdict ? (
          <p className={verdict.ok ? 'sonar-done' : 'nhsuk-error-message'}>
            <strong className={`nhsuk-tag ${verdict.ok ? 'nhsuk-tag--green' : 'nhsuk-tag--red'}`}>{verdict.ok ? 'Verified' : 'Tampered'}</strong> {verifyText(verdict)}
          </p>
        ) : null}
        {problem ? <p className="nhsuk-error-message">The audit trail could not be checked: {problem}</p> : null}
      </div>
    </section>
  );
}

export function AuditScreen({ recordId }: { recordId: string | null }) {
  usePageTitle('Who looked at this record');
  const call = useApp((s) => s.call);
  const navigate = useApp((s) => s.navigate);
  const canReview = useApp((s) => s.session?.user.permissions.includes('governance.review') ?? false);
  const [text, setText] = useState(recordId ?? '');
  const [load, setLoad] = useState<Load>({ state: 'idle' });
  const form = useFormErrors(fields);
  const ticket = useRef(0);

  async function show(id: string) {
    const mine = ++ticket.current;
    setLoad({ state: 'loading', id });
    const r = await call('audit.personAccess', { personId: id });
    if (mine !== ticket.current) return;
    setLoad(r.ok ? { state: 'loaded', id, events: r.value.events } : { state: 'failed', id, message: r.error.message });
  }

  useEffect(() => {
    if (recordId) void show(recordId);
    // Once, for a record chosen elsewhere (the screen is keyed by it).
  }, []);

  function submit(e: FormEvent) {
    e.preventDefault();
    const id = readRecordId(text);
    if (!id) {
      form.show({ 'record-id': { message: text.trim() === '' ? 'Enter the record id' : 'Enter a record id like 0190a3b4-5c6d-7e8f-9a0b-1c2d3e4f5a6b' } });
      return;
    }
    form.clear();
    setText(id);
    void show(id);
  }

  return (
    <>
      <PageHeading className="nhsuk-heading-xl">Who looked at this record</PageHeading>
      <p className="nhsuk-body">
        Every time a record was opened, changed, printed or refused, with who did it, in which role, and why.
        {canReview ? (
          <>
            {' '}
            To start from an emergency access,{' '}
            <a
              href="#reviews"
              onClick={(e) => {
                e.preventDefault();
                navigate({ name: 'reviews' });
              }}
            >
              choose it from the break-glass reviews
            </a>
            .
          </>
        ) : null}
      </p>
      <ErrorSummary items={form.items} focusKey={form.focusKey} />
      <form noValidate onSubmit={submit} className="sonar-inline-form">
        <TextField
          id="record-id"
          label="Record id"
          hint="Paste the record id from the information governance request."
          value={text}
          onValueChange={(v) => {
            setText(v);
            form.clearField('record-id');
          }}
          error={form.errors['record-id']?.message}
          autoComplete="off"
          spellCheck={false}
          code
          width="30"
        />
        <button type="submit" className="nhsuk-button">
          Show who looked at it
        </button>
      </form>
      {load.state === 'loading' ? <p role="status">Loading the access history…</p> : null}
      {load.state === 'failed' ? (
        <div className="nhsuk-error-summary" role="alert" aria-labelledby="audit-error-title">
          <h2 className="nhsuk-error-summary__heading" id="audit-error-title">
            The access history could not be shown
          </h2>
          <div className="nhsuk-error-summary__body">
            <p>{load.message}</p>
          </div>
        </div>
      ) : null}
      {load.state === 'loaded' ? <AccessTable id={load.id} events={load.events} /> : null}
      <VerifyTrail />
    </>
  );
}
