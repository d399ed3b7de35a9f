// "Who looked at this record" (auditor): every access to one person's record, newest first, with
// who (by name), in which role, what, the outcome and the reason; and a check that the audit trail
// itself is whole (its hash chain verifies). The auditor finds the person by name, date of birth or
// identifier (AuditPersonFinder), or by a record id from a request or the break-glass review list.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ChannelOutput } from '../../../contract/channels';
import { usePageTitle } from '../../app/page-title';
import { useApp } from '../../app/store-context';
import { useFormErrors } from '../../app/use-form-errors';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { TextField } from '../../components/TextField';
import { formatClinicalDateTime } from '../../format/person-format';
import { AuditPersonFinder } from './AuditPersonFinder';
import { outcomeLabels, readRecordId, rolesText, staffText, verifyText } from './audit-format';
import { bannerName } from '../../../domain/person/person-name';

type AuditEvent = ChannelOutput<'audit.personAccess'>['events'][number];
type Verify = ChannelOutput<'audit.verify'>;
/** The record chosen: by its id, and by its person's name when they were found by search. */
type Chosen = { id: string; name: string | null };
type Load =
  | { state: 'idle' }
  | { state: 'loading'; chosen: Chosen }
  | { state: 'failed'; chosen: Chosen; message: string }
  | { state: 'loaded'; chosen: Chosen; events: AuditEvent[] };

const fields = ['record-id'] as const;
const outcomeTags = { ok: 'nhsuk-tag--green', refused: 'nhsuk-tag--orange', failed: 'nhsuk-tag--red' } as const;

function AccessTable({ chosen, events }: { chosen: Chosen; events: AuditEvent[] }) {
  const whose = chosen.name ? `${chosen.name} (record ${chosen.id})` : `record ${chosen.id}`;
  if (events.length === 0) {
    return (
      <p className="nhsuk-body" data-testid="no-access-events">
        No access to {whose} is in the audit trail.
      </p>
    );
  }
  return (
    <table className="nhsuk-table" data-testid="access-events">
      <caption className="nhsuk-table__caption nhsuk-table__caption--s">
        {events.length} {events.length === 1 ? 'entry' : 'entries'} for {whose}, newest first
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
            <td className="nhsuk-table__cell">{staffText(e.fullName, e.username)}</td>
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
  const history = useRef<HTMLHeadingElement>(null);

  // The history appears below both ways of choosing a record: focus moves to it when it arrives.
  useEffect(() => {
    if (load.state === 'loaded' || load.state === 'failed') history.current?.focus();
  }, [load.state]);

  async function show(chosen: Chosen) {
    const mine = ++ticket.current;
    setLoad({ state: 'loading', chosen });
    const r = await call('audit.personAccess', { personId: chosen.id });
    if (mine !== ticket.current) return;
    setLoad(r.ok ? { state: 'loaded', chosen, events: r.value.events } : { state: 'failed', chosen, message: r.error.message });
  }

  useEffect(() => {
    if (recordId) void show({ id: recordId, name: null });
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
    void show({ id, name: null });
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
      <AuditPersonFinder onChoose={(p) => void show({ id: p.id, name: bannerName(p) })} />
      <h2 className="nhsuk-heading-m">Or use the record id</h2>
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
      {load.state !== 'idle' ? (
        <h2 className="nhsuk-heading-m sonar-page-heading" tabIndex={-1} ref={history} data-testid="access-history-title">
          Access history{load.chosen.name ? ` of ${load.chosen.name}` : ''}
        </h2>
      ) : null}
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
      {load.state === 'loaded' ? <AccessTable chosen={load.chosen} events={load.events} /> : null}
      <VerifyTrail />
    </>
  );
}
