// Staff accounts (site administrator): who can sign in here, in which roles, and whether they are
// disabled, must change a temporary password or are paused after failed sign-ins. From here an
// account is created, changed, given a new temporary password or let sign in again at once.
import { useCallback, useRef, useState } from 'react';
import type { StaffMember } from '../../../contract/channels/staff';
import { roleLabels } from '../../../domain/access/roles';
import { usePageTitle } from '../../app/page-title';
import { useChannelQuery } from '../../app/server-state';
import { useApp } from '../../app/store-context';
import { DoneMessage } from '../../components/DoneMessage';
import { PageHeading } from '../../components/PageHeading';
import { CreateStaffForm, EditStaffForm, ResetPasswordForm } from './StaffForms';
import { statusTexts } from './staff-form';

type Load = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'loaded'; staff: StaffMember[] };
type Panel = { kind: 'none' } | { kind: 'create' } | { kind: 'edit'; member: StaffMember } | { kind: 'reset'; member: StaffMember };

const statusTag: Record<string, string> = {
  Active: 'nhsuk-tag--green',
  Disabled: 'nhsuk-tag--grey',
  'Must change password': 'nhsuk-tag--blue',
};

export function StaffScreen() {
  usePageTitle('Staff');
  const call = useApp((s) => s.call);
  const me = useApp((s) => s.session?.user.id ?? null);
  // Through the server-state cache, like every other screen; a change made here reads the list again.
  const query = useChannelQuery('staff.list', {});
  const load: Load = query.data ? { state: 'loaded', staff: [...query.data.staff].sort((a, b) => a.fullName.localeCompare(b.fullName)) } : query.error ? { state: 'failed', message: query.error.rpc.message } : { state: 'loading' };
  const { refetch } = query;
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });
  const [done, setDone] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  const finished = useCallback((message: string) => {
    setPanel({ kind: 'none' });
    setProblem(null);
    setDone(message);
    void refetch();
  }, [refetch]);
  const cancel = useCallback(() => {
    setPanel({ kind: 'none' });
    addButton.current?.focus();
  }, []);
  const open = (next: Panel) => {
    setDone(null);
    setProblem(null);
    setPanel(next);
  };

  async function unlock(member: StaffMember) {
    const r = await call('staff.unlock', { userId: member.id });
    if (r.ok) finished(`${member.fullName} (${member.username}) can sign in again now.`);
    else {
      setDone(null);
      setProblem(r.error.message);
    }
  }

  return (
    <>
      <PageHeading className="nhsuk-heading-xl">Staff</PageHeading>
      <DoneMessage text={done} testId="staff-done" />
      {problem ? (
        <div className="nhsuk-error-summary" role="alert" aria-labelledby="staff-problem-title" tabIndex={-1}>
          <h2 className="nhsuk-error-summary__heading" id="staff-problem-title">
            There is a problem
          </h2>
          <div className="nhsuk-error-summary__body">
            <p>{problem}</p>
          </div>
        </div>
      ) : null}
      {panel.kind === 'none' ? (
        <button type="button" className="nhsuk-button" ref={addButton} onClick={() => open({ kind: 'create' })}>
          Add a staff account
        </button>
      ) : (
        <div className="sonar-panel nhsuk-u-margin-bottom-6">
          {panel.kind === 'create' ? <CreateStaffForm onDone={finished} onCancel={cancel} /> : null}
          {panel.kind === 'edit' ? <EditStaffForm key={panel.member.id} member={panel.member} onDone={finished} onCancel={cancel} /> : null}
          {panel.kind === 'reset' ? <ResetPasswordForm key={panel.member.id} member={panel.member} onDone={finished} onCancel={cancel} /> : null}
        </div>
      )}
      {load.state === 'loading' ? (
        <p role="status">Loading staff…</p>
      ) : load.state === 'failed' ? (
        <div className="nhsuk-error-summary" role="alert" aria-labelledby="staff-error-title">
          <h2 className="nhsuk-error-summary__heading" id="staff-error-title">
            The staff list could not be loaded
          </h2>
          <div className="nhsuk-error-summary__body">
            <p>{load.message}</p>
          </div>
        </div>
      ) : (
        <table className="nhsuk-table" data-testid="staff-list">
          <caption className="nhsuk-table__caption nhsuk-table__caption--s">
            {load.staff.length} {load.staff.length === 1 ? 'account' : 'accounts'}
          </caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th className="nhsuk-table__header" scope="col">Name</th>
              <th className="nhsuk-table__header" scope="col">Username</th>
              <th className="nhsuk-table__header" scope="col">Roles</th>
              <th className="nhsuk-table__header" scope="col">Status</th>
              <th className="nhsuk-table__header" scope="col">
                <span className="nhsuk-u-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {load.staff.map((m) => (
              <tr className="nhsuk-table__row" key={m.id} data-testid="staff-member" data-username={m.username}>
                <th className="nhsuk-table__cell" scope="row">
                  {m.fullName}
                  {m.id === me ? <span className="nhsuk-body-s"> (you)</span> : null}
                </th>
                <td className="nhsuk-table__cell">{m.username}</td>
                <td className="nhsuk-table__cell">{m.roles.map((r) => roleLabels[r]).join(', ')}</td>
                <td className="nhsuk-table__cell" data-testid="staff-status">
                  {statusTexts(m).map((t) => (
                    <strong key={t} className={`nhsuk-tag ${statusTag[t] ?? 'nhsuk-tag--orange'} sonar-tag-stack`}>
                      {t}
                    </strong>
                  ))}
                </td>
                <td className="nhsuk-table__cell">
                  <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
                    <li>
                      <a
                        href={`#staff-${m.id}`}
                        onClick={(e) => {
                          e.preventDefault();
                          open({ kind: 'edit', member: m });
                        }}
                      >
                        Change<span className="nhsuk-u-visually-hidden"> {m.fullName}</span>
                      </a>
                    </li>
                    <li>
                      <a
                        href={`#reset-${m.id}`}
                        onClick={(e) => {
                          e.preventDefault();
                          open({ kind: 'reset', member: m });
                        }}
                      >
                        Reset password<span className="nhsuk-u-visually-hidden"> of {m.fullName}</span>
                      </a>
                    </li>
                    {m.throttledForSeconds > 0 ? (
                      <li>
                        <a
                          href={`#unlock-${m.id}`}
                          onClick={(e) => {
                            e.preventDefault();
                            void unlock(m);
                          }}
                        >
                          Unlock sign-in<span className="nhsuk-u-visually-hidden"> ({m.fullName})</span>
                        </a>
                      </li>
                    ) : null}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
