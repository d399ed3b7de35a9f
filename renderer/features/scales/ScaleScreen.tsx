// A withdrawal scale over time (COWS, CIWA-Ar): the latest score and band first, then the chart
// with its band thresholds and every entry as a table. Recording a new score is one key away.
import type { SavedResponse } from '../../../contract/channels/forms';
import type { Template } from '../../../domain/templates/template-schema';
import { useApp } from '../../app/store-context';
import { formatClinicalDateTime } from '../../format/person-format';
import { severityTagClass } from '../../format/severity-format';
import { LoadFailed } from '../forms/LoadFailed';
import { useResponses, useTemplate } from '../forms/use-forms';
import { PersonFrame } from '../person/PersonFrame';
import { chartEntries, currentEntries, latestEntry, mainScore, scoreText } from './scale-entries';
import { ScaleTable } from './ScaleTable';
import { ScoreChart } from './ScoreChart';
import { PageHeading } from '../../components/PageHeading';

function ScaleBody({ personId, template, responses }: { personId: string; template: Template; responses: SavedResponse[] }) {
  const navigate = useApp((s) => s.navigate);
  const rule = template.scores[0];
  const all = currentEntries(responses);
  const latest = latestEntry(all);
  const latestScore = latest ? mainScore(latest.response) : null;
  const entries = chartEntries(all);
  const summary =
    entries.length === 0
      ? 'No scores recorded yet.'
      : `${entries.length} ${entries.length === 1 ? 'score' : 'scores'} from ${formatClinicalDateTime(entries[entries.length - 1]?.at ?? '')} to ${formatClinicalDateTime(entries[0]?.at ?? '')}. Latest ${scoreText(latestScore)}.`;
  return (
    <>
      <PageHeading>{template.title}</PageHeading>
      <div className="sonar-latest" data-testid="latest-score">
        <h2 className="nhsuk-heading-s nhsuk-u-margin-bottom-2">Latest score</h2>
        {latest && latestScore ? (
          <p className="nhsuk-body-l nhsuk-u-margin-bottom-2">
            <strong>{latestScore.value}</strong> <span className="sonar-label">of {latestScore.max}</span>{' '}
            {latestScore.band ? <strong className={severityTagClass(latestScore.band.severity)}>{latestScore.band.label}</strong> : null}
            <span className="nhsuk-body-s sonar-latest__when">
              {' '}
              {formatClinicalDateTime(latest.at)}, {latest.response.recordedByName}
            </span>
          </p>
        ) : (
          <p>No score recorded yet.</p>
        )}
        <button type="button" className="nhsuk-button nhsuk-u-margin-bottom-0" onClick={() => navigate({ name: 'form', personId, templateId: template.id })}>
          Record a new score
        </button>
      </div>
      {rule && entries.length > 0 ? (
        <ScoreChart id={`chart-${template.id}`} title={`${rule.label} over time`} entries={entries} bands={rule.bands} max={rule.max ?? Math.max(...rule.bands.map((b) => b.max))} summary={summary} />
      ) : null}
      <ScaleTable personId={personId} entries={all} />
    </>
  );
}

export function ScaleScreen({ personId, templateId }: { personId: string; templateId: string }) {
  const template = useTemplate(templateId, null);
  const { load } = useResponses(personId, templateId, true);
  const title = template.state === 'loaded' ? template.value.title : 'Scale';
  return (
    <PersonFrame personId={personId} title={title} back={{ route: { name: 'record', personId }, label: 'Back to the record' }}>
      {() =>
        template.state === 'failed' ? (
          <LoadFailed title="The scale could not be opened" message={template.message} />
        ) : load.state === 'failed' ? (
          <LoadFailed title="The scores could not be loaded" message={load.message} />
        ) : template.state === 'loading' || load.state === 'loading' ? (
          <p role="status">Loading scores…</p>
        ) : (
          <ScaleBody personId={personId} template={template.value} responses={load.value} />
        )
      }
    </PersonFrame>
  );
}
