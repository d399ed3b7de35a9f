// Filling in a template for a person: the banner, the form's title, and the generic renderer.
// Saving goes to what comes next: a custody assessment to its handover, a scale to its chart,
// anything else back to the record, with a notice of the flags and tasks it created.
import type { PersonRecord } from '../../../contract/channels/patients';
import type { Template } from '../../../domain/templates/template-schema';
import { useState } from 'react';
import { useApp } from '../../app/store-context';
import { DoneMessage } from '../../components/DoneMessage';
import { PersonFrame } from '../person/PersonFrame';
import { draftKey } from './drafts-slice';
import { LoadFailed } from './LoadFailed';
import { ReceptionStayPrompt } from './ReceptionStayPrompt';
import { savedNotice } from './saved-notice';
import { TemplateForm } from './TemplateForm';
import { useTemplate } from './use-forms';
import { PageHeading } from '../../components/PageHeading';
import { DateTimeField } from '../../components/DateTimeField';
import { checkDateTime, draftFromDate } from '../../format/date-time-input';

function FormBody({ person, template, reload }: { person: PersonRecord; template: Template; reload(): void }) {
  const call = useApp((s) => s.call);
  const navigate = useApp((s) => s.navigate);
  const userId = useApp((s) => s.session?.user.id ?? '');
  const siteType = useApp((s) => s.site?.siteType);
  const [stayStarted, setStayStarted] = useState<string | null>(null);
  // A scale is charted at the time of the observation: now unless the clinician says otherwise (a late entry).
  const [opened] = useState(() => draftFromDate(new Date()));
  const [observed, setObserved] = useState(opened);
  const [observedError, setObservedError] = useState<{ message: string; parts: string[] } | undefined>(undefined);
  const charted = template.use?.charted === true;
  const checkObserved = () => checkDateTime(observed, { label: 'Time of the observation', now: new Date() });
  const needsStay = template.use?.category === 'screen' && siteType === 'prison' && person.currentStay === null;
  return (
    <>
      <PageHeading>{template.title}</PageHeading>
      <DoneMessage text={stayStarted} testId="reception-stay-done" />
      {needsStay && !stayStarted ? (
        <ReceptionStayPrompt
          personId={person.id}
          onStarted={(m) => {
            setStayStarted(m);
            reload();
          }}
        />
      ) : null}
      <TemplateForm
        template={template}
        draftKey={draftKey(userId, person.id, `new:${template.id}`)}
        submitLabel={`Save ${template.use?.category === 'scale' ? 'score' : template.use?.category === 'screen' ? 'screen' : 'assessment'}`}
        extra={
          charted ? (
            <DateTimeField
              id="observedAt"
              legend="Time of the observation"
              hint="When the scores were observed. Change it only for a late entry: it is charted at this time and marked late."
              value={observed}
              onChange={(v) => {
                setObserved(v);
                setObservedError(undefined);
              }}
              error={observedError}
            />
          ) : undefined
        }
        checkExtra={() => {
          if (!charted) return [];
          const at = checkObserved();
          if (at.ok) return [];
          setObservedError({ message: at.message, parts: at.parts });
          return [{ message: at.message, target: `observedAt-${at.parts[0] ?? 'day'}` }];
        }}
        onSubmit={async (answers) => {
          // Left as it was when the form opened, the observation is "now" (the server's time, to the second).
          const changed = JSON.stringify(observed) !== JSON.stringify(opened);
          const at = charted && changed ? checkObserved() : null;
          const observedAt = at?.ok ? at.iso : null;
          const r = await call('forms.save', { personId: person.id, templateId: template.id, templateVersion: template.version, answers, observedAt });
          if (!r.ok) {
            if (r.error.path === 'observedAt') setObservedError({ message: r.error.message, parts: ['day', 'month', 'year', 'time'] });
            return r.error;
          }
          const notice = { kind: 'success' as const, text: savedNotice(template.title, r.value) };
          if (template.use?.handover) navigate({ name: 'handover', personId: person.id, responseId: r.value.responseId }, notice);
          else if (template.use?.charted) navigate({ name: 'scale', personId: person.id, templateId: template.id }, notice);
          else navigate({ name: 'record', personId: person.id }, notice);
          return null;
        }}
      />
    </>
  );
}

export function FormScreen({ personId, templateId }: { personId: string; templateId: string }) {
  const template = useTemplate(templateId, null);
  const title = template.state === 'loaded' ? template.value.title : 'Form';
  return (
    <PersonFrame personId={personId} title={title} back={{ route: { name: 'record', personId }, label: 'Back to the record' }}>
      {(person, reload) =>
        template.state === 'loading' ? (
          <p role="status">Opening the form…</p>
        ) : template.state === 'failed' ? (
          <LoadFailed title="The form could not be opened" message={template.message} />
        ) : (
          <FormBody person={person} template={template.value} reload={reload} />
        )
      }
    </PersonFrame>
  );
}
