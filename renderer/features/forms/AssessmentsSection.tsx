// Record section: the forms offered at this site (assessments and screens to start; withdrawal
// scales with their latest band), and the entries recorded for the person, newest first. A custody
// assessment not yet handed over says so.
import { useChannelQuery } from '../../app/server-state';
import { useApp } from '../../app/store-context';
import { LoadFailed } from './LoadFailed';
import { RecentEntries } from './RecentEntries';
import { ScaleSummaries } from './ScaleSummaries';
import { currentEntries } from '../scales/scale-entries';
import { useResponses } from './use-forms';

export function AssessmentsSection({ personId }: { personId: string }) {
  const navigate = useApp((s) => s.navigate);
  const templateQuery = useChannelQuery('forms.templates', {});
  // The person's handovers through the server-state cache, refreshed with the rest of the record.
  const handoverQuery = useChannelQuery('handover.list', { personId });
  const templates = templateQuery.data?.templates ?? null;
  const handovers = handoverQuery.data?.handovers ?? [];
  const error = templateQuery.error ? templateQuery.error.rpc.message : null;
  const { load } = useResponses(personId, null, true);

  const forms = (templates ?? []).filter((t) => !t.charted);
  const scales = (templates ?? []).filter((t) => t.charted);
  const responses = load.state === 'loaded' ? load.value : [];
  return (
    <section aria-labelledby="assessments-title" className="sonar-section" data-testid="assessments-section">
      <h2 id="assessments-title" className="nhsuk-heading-m">
        Assessments
      </h2>
      {error ? <LoadFailed title="The forms could not be listed" message={error} /> : null}
      {forms.length > 0 ? (
        <ul className="nhsuk-list sonar-start-list" aria-label="Start a form">
          {forms.map((t) => (
            <li key={t.id}>
              <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-2" onClick={() => navigate({ name: 'form', personId, templateId: t.id })}>
                Start: {t.title}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {scales.length > 0 ? <ScaleSummaries personId={personId} scales={scales} responses={responses} /> : null}
      {load.state === 'failed' ? <LoadFailed title="The entries could not be loaded" message={load.message} /> : null}
      <RecentEntries personId={personId} entries={currentEntries(responses)} templates={templates ?? []} handovers={handovers} />
    </section>
  );
}
