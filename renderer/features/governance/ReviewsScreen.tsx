// Break-glass review (team manager, auditor): every emergency access to a record, who, why and
// when, and the reviewer's note. Pending accesses first; reviewed ones on request.
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { ChannelOutput } from '../../../contract/channels';
import { usePageTitle } from '../../app/page-title';
import { useChannelQuery } from '../../app/server-state';
import { useApp } from '../../app/store-context';
import { useFormErrors } from '../../app/use-form-errors';
import { DoneMessage } from '../../components/DoneMessage';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { TextAreaField } from '../../components/TextAreaField';
import { formatClinicalDateTime } from '../../format/person-format';

export type Grant = ChannelOutput<'access.breakGlassReviews'>['grants'][number];
const noteFields = ['note'] as const;
type Load = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'loaded'; grants: Grant[] };

/** When the access ended and how, or until when it is open. */
export function accessEndText(g: Pick<Grant, 'endedAt' | 'expiresAt'>, now: Date): string {
  const limit = new Date(g.expiresAt).getTime();
  if (g.endedAt) return `${formatClinicalDateTime(g.endedAt)}, ${new Date(g.endedAt).getTime() < limit ? 'before the time limit' : 'at the time limit'}`;
  if (limit <= now.getTime()) return `${formatClinicalDateTime(g.expiresAt)}, at the time limit`;
  return `Still open, until ${formatClinicalDateTime(g.expiresAt)}`;
}

function ReviewForm({ grant, onDone, onCancel }: { grant: Grant; onDone(text: string): void; onCancel(): void }) {
  const call = useApp((s) => s.call);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFormErrors(noteFields);
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => box.current?.focus(), []);
  const id = `review-note-${grant.id}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (note.trim() === '') {
      form.show({ note: { message: 'Enter your review note', target: id } });
      return;
    }
    setBusy(true);
    const result = await call('access.reviewBreakGlass', { grantId: grant.id, note: note.trim() });
    setBusy(false);
    if (result.ok) onDone(`Review recorded: ${grant.userName}, ${grant.personName}.`);
    else form.showServer(result.error, { note: id });
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="sonar-panel" data-testid="review-form">
      <ErrorSummary items={form.items} focusKey={form.focusKey} idPrefix={`review-${grant.id}-`} />
      <TextAreaField
        id={id}
        label="Review note"
        hint="Whether the access was justified and any action taken, for example: appropriate, emergency treatment in reception."
        value={note}
        onValueChange={setNote}
        error={form.errors.note?.message}
        textareaRef={box}
        maxLength={1000}
      />
      <div className="sonar-button-row">
        <button type="submit" className="nhsuk-button" aria-disabled={busy}>
          {busy ? 'Recording review…' : 'Record review'}
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function ReviewsScreen() {
  usePageTitle('Break-glass reviews');
  const navigate = useApp((s) => s.navigate);
  const canAudit = useApp((s) => s.session?.user.permissions.includes('audit.read') ?? false);
  const [all, setAll] = useState(false);
  // Through the server-state cache, like every other screen; a change made here reads the list again.
  const query = useChannelQuery('access.breakGlassReviews', { pendingOnly: !all });
  const load: Load = query.data ? { state: 'loaded', grants: [...query.data.grants].sort((a, b) => b.startedAt.localeCompare(a.startedAt)) } : query.error ? { state: 'failed', message: query.error.rpc.message } : { state: 'loading' };
  const { refetch } = query;
  const [reviewing, setReviewing] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const now = new Date();

  const reviewed = useCallback((text: string) => {
    setReviewing(null);
    setDone(text);
    void refetch();
  }, [refetch]);

  return (
    <>
      <PageHeading className="nhsuk-heading-xl">Break-glass reviews</PageHeading>
      <p className="nhsuk-body">
        Each time someone opened the record of a person outside their care at this site. Check the reason against what was opened, then record your review.
      </p>
      <DoneMessage text={done} testId="review-done" />
      <div className="nhsuk-checkboxes nhsuk-checkboxes--small nhsuk-u-margin-bottom-4">
        <div className="nhsuk-checkboxes__item">
          <input className="nhsuk-checkboxes__input" id="show-reviewed" type="checkbox" checked={all} onChange={() => setAll((a) => !a)} />
          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="show-reviewed">
            Show reviewed accesses too
          </label>
        </div>
      </div>
      {load.state === 'loading' ? (
        <p role="status">Loading…</p>
      ) : load.state === 'failed' ? (
        <div className="nhsuk-error-summary" role="alert" aria-labelledby="reviews-error-title">
          <h2 className="nhsuk-error-summary__heading" id="reviews-error-title">
            The reviews could not be loaded
          </h2>
          <div className="nhsuk-error-summary__body">
            <p>{load.message}</p>
          </div>
        </div>
      ) : load.grants.length === 0 ? (
        <p className="nhsuk-body" data-testid="no-reviews">
          {all ? 'There has been no emergency access at this site.' : 'There is no emergency access waiting for review.'}
        </p>
      ) : (
        <ul className="nhsuk-list" data-testid="break-glass-grants">
          {load.grants.map((g) => (
            <li key={g.id} className="nhsuk-card" data-testid="break-glass-grant">
              <div className="nhsuk-card__content">
                <h2 className="nhsuk-card__heading nhsuk-heading-m">{g.personName}</h2>
                <dl className="nhsuk-summary-list">
                  <div className="nhsuk-summary-list__row">
                    <dt className="nhsuk-summary-list__key">Opened by</dt>
                    <dd className="nhsuk-summary-list__value">{g.userName}</dd>
                  </div>
                  <div className="nhsuk-summary-list__row">
                    <dt className="nhsuk-summary-list__key">Reason given</dt>
                    <dd className="nhsuk-summary-list__value" data-testid="grant-reason">
                      {g.reason}
                    </dd>
                  </div>
                  <div className="nhsuk-summary-list__row">
                    <dt className="nhsuk-summary-list__key">Started</dt>
                    <dd className="nhsuk-summary-list__value">{formatClinicalDateTime(g.startedAt)}</dd>
                  </div>
                  <div className="nhsuk-summary-list__row">
                    <dt className="nhsuk-summary-list__key">Access ended</dt>
                    <dd className="nhsuk-summary-list__value" data-testid="grant-ended">
                      {accessEndText(g, now)}
                    </dd>
                  </div>
                  <div className="nhsuk-summary-list__row">
                    <dt className="nhsuk-summary-list__key">Review</dt>
                    <dd className="nhsuk-summary-list__value" data-testid="grant-review">
                      {g.reviewedAt ? (
                        <>
                          <strong className="nhsuk-tag nhsuk-tag--green">Reviewed</strong> {formatClinicalDateTime(g.reviewedAt)}: {g.reviewNote}
                        </>
                      ) : (
                        <strong className="nhsuk-tag nhsuk-tag--orange">Waiting for review</strong>
                      )}
                    </dd>
                  </div>
                </dl>
                {reviewing === g.id ? (
                  <ReviewForm grant={g} onDone={reviewed} onCancel={() => setReviewing(null)} />
                ) : (
                  <div className="sonar-button-row">
                    {g.reviewedAt ? null : (
                      <button
                        type="button"
                        className="nhsuk-button nhsuk-u-margin-bottom-0"
                        onClick={() => {
                          setDone(null);
                          setReviewing(g.id);
                        }}
                      >
                        Review<span className="nhsuk-u-visually-hidden"> the access by {g.userName} to {g.personName}</span>
                      </button>
                    )}
                    {canAudit ? (
                      <button
                        type="button"
                        className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
                        onClick={() => navigate({ name: 'audit', recordId: g.personId })}
                      >
                        Who looked at this record<span className="nhsuk-u-visually-hidden"> ({g.personName})</span>
                      </button>
                    ) : null}
                  </div>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
