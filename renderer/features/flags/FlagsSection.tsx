// Record section: the active flags (each ended only by a recorded decision), raising a new one,
// and the history of ended flags with who ended them and why.
import { useState } from 'react';
import { useChannelQuery } from '../../app/server-state';
import type { Flag } from '../../../contract/channels/flags';
import type { PersonRecord } from '../../../contract/channels/patients';
import { useApp } from '../../app/store-context';
import { DoneMessage } from '../../components/DoneMessage';
import { formatClinicalDateTime } from '../../format/person-format';
import { flagSeverityText, severityTagClass } from '../../format/severity-format';
import { EndFlagForm } from './EndFlagForm';
import { EndedFlags } from './EndedFlags';
import { FlagHistory } from './FlagHistory';
import { RaiseFlagForm } from './RaiseFlagForm';
import { UpdateFlagForm } from './UpdateFlagForm';

interface Props {
  person: PersonRecord;
  onChanged(): void;
}

export function FlagsSection({ person, onChanged }: Props) {
  const siteCode = useApp((s) => s.site?.siteCode ?? '');
  const [raising, setRaising] = useState(false);
  const [ending, setEnding] = useState<string | null>(null);
  const [updating, setUpdating] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const all = useChannelQuery('flags.list', { personId: person.id, includeEnded: true });
  const ended: Flag[] = (all.data?.flags ?? []).filter((f) => f.endedAt !== null);

  const finished = (message: string) => {
    setRaising(false);
    setEnding(null);
    setUpdating(null);
    setDone(message);
    onChanged(); // reads everything about the person again, the ended flags with it
  };

  return (
    <section aria-labelledby="flags-title" className="sonar-section" data-testid="flags-section">
      <h2 id="flags-title" className="nhsuk-heading-m">
        Risk flags
      </h2>
      <DoneMessage text={done} testId="flags-done" />
      {person.activeFlags.length === 0 ? <p>No active risk flags.</p> : null}
      {person.activeFlags.map((f) => (
        <div className="sonar-flag-card" key={f.id} data-testid="active-flag">
          <p className="sonar-flag-card__title">
            <strong className={severityTagClass(f.severity)}>{flagSeverityText(f.severity)}</strong> <strong>{f.label}</strong>
          </p>
          <dl className="nhsuk-summary-list nhsuk-summary-list--no-border sonar-compact-list">
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">Because</dt>
              <dd className="nhsuk-summary-list__value">{f.reason}</dd>
            </div>
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">Set by</dt>
              <dd className="nhsuk-summary-list__value">
                {f.setByName}
                {f.originSite !== siteCode ? <strong className="sonar-origin"> at {f.originSite}</strong> : null}, {formatClinicalDateTime(f.setAt)}
                {f.sourceResponseId ? ' (from an assessment)' : ''}
              </dd>
            </div>
            {f.version > 1 ? (
              <div className="nhsuk-summary-list__row">
                <dt className="nhsuk-summary-list__key">Last updated</dt>
                <dd className="nhsuk-summary-list__value">
                  {f.updatedByName}, {formatClinicalDateTime(f.updatedAt)}
                </dd>
              </div>
            ) : null}
          </dl>
          <FlagHistory personId={person.id} flagId={f.id} label={f.label} />
          {ending === f.id ? <EndFlagForm flag={f} onDone={finished} onCancel={() => setEnding(null)} /> : null}
          {updating === f.id ? <UpdateFlagForm flag={f} onDone={finished} onCancel={() => setUpdating(null)} /> : null}
          {ending !== f.id && updating !== f.id ? (
            <div className="sonar-button-row">
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                onClick={() => {
                  setUpdating(f.id);
                  setEnding(null);
                  setRaising(false);
                  setDone(null);
                }}
              >
                Update this flag<span className="nhsuk-u-visually-hidden">: {f.label}</span>
              </button>
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                onClick={() => {
                  setEnding(f.id);
                  setUpdating(null);
                  setRaising(false);
                  setDone(null);
                }}
              >
                End this flag<span className="nhsuk-u-visually-hidden">: {f.label}</span>
              </button>
            </div>
          ) : null}
        </div>
      ))}
      {raising ? (
        <RaiseFlagForm
          personId={person.id}
          activeFlags={person.activeFlags}
          onDone={finished}
          onCancel={() => setRaising(false)}
          onUpdateInstead={(flagId) => {
            setRaising(false);
            setUpdating(flagId);
          }}
        />
      ) : (
        <button
          type="button"
          className="nhsuk-button"
          onClick={() => {
            setRaising(true);
            setEnding(null);
            setDone(null);
          }}
        >
          Raise a flag
        </button>
      )}
      <EndedFlags flags={ended} />
    </section>
  );
}
