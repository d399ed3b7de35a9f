// Record section: the forms offered at this site (assessments and screens to start; withdrawal
// scales with their latest band), and the entries recorded for the person, newest first. A custody
// assessment not yet handed over says so.
import { useEffect, useState } from 'react';
import type { Handover, TemplateSummary } from '../../../contract/channels/forms';
import { useApp } from '../../app/store-context';
import { LoadFailed } from './LoadFailed';
import { RecentEntries } from './RecentEntries';
import { ScaleSummaries } from './ScaleSummaries';
import { currentEntries } from '../scales/scale-entries';
import { useResponses } from './use-forms';

export function AssessmentsSection({ personId }: { personId: string }) {
  const call = useApp((s) => s.call);
  const navigate = useApp((s) => s.navigate);
  const [templates, setTemplates] = useState<TemplateSummary[] | null>(null);
  const [handovers, setHandovers] = useState<Handover[]>([]);
  const [error, setError] = useState<string | null>(null);
  const { load } = useResponses(personId, null, true);

  useEffect(() => {
    let current = true;
    void call('forms.templates', {}).then((r) => {
      if (!current) return;
      if (r.ok) setTemplates(r.value.templates);
      else setError(r.error.message);
    });
    void call('handover.list', { personId }).then((r) => {
      if (current && r.ok) setHandovers(r.value.handovers);
    });
    return () => {
      current = false;
    };
  }, [call, personId]);

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
