// Roles as NHS checkboxes in one fieldset, grouped (clinical, management, partners), each by its
// label from domain/access/roles.ts. Checkbox ids are `${idPrefix}-${role}`.
import type { Role } from '../../../domain/access/roles';
import { roleLabels } from '../../../domain/access/roles';
import { ErrorMessage } from '../../components/ErrorMessage';
import { MAX_ROLES, roleGroups, toggleRole } from './staff-form';

interface Props {
  idPrefix: string;
  value: Role[];
  onChange(roles: Role[]): void;
  error?: string | undefined;
}

export function RolesField({ idPrefix, value, onChange, error }: Props) {
  const id = `${idPrefix}-roles`;
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <fieldset className="nhsuk-fieldset" aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`} id={id}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Roles</legend>
        <div className="nhsuk-hint" id={`${id}-hint`}>
          Select all that apply, up to {MAX_ROLES}. A role decides what the person may see and do.
        </div>
        {error ? <ErrorMessage id={`${id}-error`} message={error} /> : null}
        {roleGroups.map((group) => (
          <div key={group.legend} className="nhsuk-u-margin-bottom-3">
            <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
              <strong>{group.legend}</strong>
              {group.hint ? ` (${group.hint})` : ''}
            </p>
            <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
              {group.roles.map((role) => {
                const boxId = `${idPrefix}-${role}`;
                return (
                  <div className="nhsuk-checkboxes__item" key={role}>
                    <input className="nhsuk-checkboxes__input" id={boxId} type="checkbox" value={role} checked={value.includes(role)} onChange={() => onChange(toggleRole(value, role))} />
                    <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={boxId}>
                      {roleLabels[role]}
                    </label>
                  </div>
                );
              })}
            </div>
          </div>
        ))}
      </fieldset>
    </div>
  );
}
