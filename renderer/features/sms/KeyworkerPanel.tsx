// Keyworkers on the record: the clinical and psychosocial keyworker in force, with the history of
// every assignment (a reassignment ends the earlier one, it does not overwrite it).
import { useState, type FormEvent } from 'react';
import type { ChannelOutput } from '../../../contract/channels';
import { keyworkerKindLabels, keyworkerKindSchema, type KeyworkerKind } from '../../../domain/access/teams';
import { useApp } from '../../app/store-context';
import { useFormErrors } from '../../app/use-form-errors';
import { ErrorSummary } from '../../components/ErrorSummary';
import { RadioField } from '../../components/RadioField';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { formatClinicalDateTime } from '../../format/person-format';
import { useChannel } from './use-channel';

type SmsRecordView = ChannelOutput<'sms.record'>;
type Done = (message: string) => void;

function AssignForm({ personId, current, referralId, onDone, onCancel }: { personId: string; current: SmsRecordView['keyworkers']; referralId: string | null; onDone: Done; onCancel(): void }) {
  const call = useApp((s) => s.call);
  const { load } = useChannel('tasks.workers', {});
  const [kind, setKind] = useState<KeyworkerKind | ''>('');
  const [worker, setWorker] = useState('');
  const [reason, setReason] = useState('');
  const form = useFormErrors(['kind', 'workerId', 'reason'] as const);
  const holder = kind ? current.find((k) => k.kind === kind) : undefined;
  const eligible = load.state === 'loaded' && kind ? load.value.workers.filter((w) => w.keyworkerKinds.includes(kind)) : [];

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!kind) return form.show({ kind: { message: 'Choose which keyworker', target: 'keyworker-kind-clinical' } });
    if (!worker) return form.show({ workerId: { message: 'Choose the worker', target: 'keyworker-worker' } });
    if (holder && reason.trim() === '') return form.show({ reason: { message: `Enter why the keyworker is changing from ${holder.workerName}`, target: 'keyworker-reason' } });
    const result = await call('caseload.assign', { personId, kind, workerId: worker, reason: reason.trim(), referralId: holder ? null : referralId });
    if (result.ok) onDone(`${keyworkerKindLabels[kind]}: ${eligible.find((w) => w.id === worker)?.name ?? ''}.`);
    else form.showServer(result.error, { kind: 'keyworker-kind-clinical', workerId: 'keyworker-worker', reason: 'keyworker-reason' });
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="sonar-panel" data-testid="assign-keyworker-form">
      <h3>Assign a keyworker</h3>
      <ErrorSummary items={form.items} focusKey={form.focusKey} idPrefix="keyworker-" />
      <RadioField
        id="keyworker-kind"
        legend="Which keyworker"
        inline
        value={kind}
        options={keyworkerKindSchema.options.map((k) => ({ value: k, label: keyworkerKindLabels[k] }))}
        onValueChange={(v) => {
          setKind(keyworkerKindSchema.parse(v));
          setWorker('');
        }}
        error={form.errors.kind?.message}
      />
      <SelectField
        id="keyworker-worker"
        label="Worker"
        value={worker}
        options={[{ value: '', label: kind ? 'Choose' : 'Choose which keyworker first' }, ...eligible.map((w) => ({ value: w.id, label: w.name }))]}
        onValueChange={setWorker}
        error={form.errors.workerId?.message}
      />
      {holder ? (
        <TextField id="keyworker-reason" label={`Why the keyworker is changing from ${holder.workerName}`} value={reason} onValueChange={setReason} error={form.errors.reason?.message} width="30" autoComplete="off" />
      ) : null}
      <div className="sonar-button-row">
        <button type="submit" className="nhsuk-button">
          Assign
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function EndForm({ personId, kind, name, onDone, onCancel }: { personId: string; kind: KeyworkerKind; name: string; onDone: Done; onCancel(): void }) {
  const call = useApp((s) => s.call);
  const [reason, setReason] = useState('');
  const form = useFormErrors(['reason'] as const);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (reason.trim() === '') return form.show({ reason: { message: 'Enter the reason', target: `end-${kind}-reason` } });
    const result = await call('caseload.end', { personId, kind, reason: reason.trim() });
    if (result.ok) onDone(`${name} is no longer the ${keyworkerKindLabels[kind].toLowerCase()}.`);
    else form.showServer(result.error, { reason: `end-${kind}-reason` });
  }
  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="sonar-panel">
      <ErrorSummary items={form.items} focusKey={form.focusKey} idPrefix={`end-${kind}-`} />
      <TextField id={`end-${kind}-reason`} label={`Why ${name} is no longer the ${keyworkerKindLabels[kind].toLowerCase()}`} value={reason} onValueChange={setReason} error={form.errors.reason?.message} width="30" autoComplete="off" />
      <div className="sonar-button-row">
        <button type="submit" className="nhsuk-button">
          End
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function KeyworkerPanel({ personId, record, onDone }: { personId: string; record: SmsRecordView; onDone: Done }) {
  const canManage = useApp((s) => s.session?.user.permissions.includes('caseload.manage') ?? false);
  const [open, setOpen] = useState<'assign' | KeyworkerKind | null>(null);
  const accepted = record.referrals.find((r) => r.status === 'accepted')?.id ?? null;
  const finish = (m: string) => {
    setOpen(null);
    onDone(m);
  };
  return (
    <div className="sonar-subsection" data-testid="sms-keyworkers">
      <h3 className="nhsuk-heading-s">Keyworkers</h3>
      {record.keyworkers.length === 0 ? <p>No keyworker assigned.</p> : null}
      <ul className="nhsuk-list">
        {record.keyworkers.map((k) => (
          <li key={k.kind} data-testid="keyworker">
            <strong>{keyworkerKindLabels[k.kind]}</strong> {k.workerName}, since {formatClinicalDateTime(k.since)}
            {canManage && open !== k.kind ? (
              <button type="button" className="sonar-link-button sonar-tag-gap" onClick={() => setOpen(k.kind)}>
                End<span className="nhsuk-u-visually-hidden"> {keyworkerKindLabels[k.kind].toLowerCase()}</span>
              </button>
            ) : null}
            {open === k.kind ? <EndForm personId={personId} kind={k.kind} name={k.workerName} onDone={finish} onCancel={() => setOpen(null)} /> : null}
          </li>
        ))}
      </ul>
      {canManage ? (
        open === 'assign' ? (
          <AssignForm personId={personId} current={record.keyworkers} referralId={accepted} onDone={finish} onCancel={() => setOpen(null)} />
        ) : (
          <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => setOpen('assign')}>
            Assign or change a keyworker
          </button>
        )
      ) : null}
      {record.history.length > 0 ? (
        <details className="nhsuk-details">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">Keyworker history ({record.history.length})</span>
          </summary>
          <div className="nhsuk-details__text">
            <ul className="nhsuk-list" data-testid="keyworker-history">
              {record.history.map((h, i) => (
                <li key={i}>
                  {keyworkerKindLabels[h.kind]}: <strong>{h.workerName}</strong> from {formatClinicalDateTime(h.assignedAt)} (by {h.assignedByName})
                  {h.endedAt ? ` to ${formatClinicalDateTime(h.endedAt)}: ${h.endReason ?? ''}` : ', current'}
                </li>
              ))}
            </ul>
          </div>
        </details>
      ) : null}
    </div>
  );
}
