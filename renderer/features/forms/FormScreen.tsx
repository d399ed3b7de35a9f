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

function FormBody({ person, template, reload }: { person: PersonRecord; template: Template; reload(): void }) {
  const call = useApp((s) => s.call);
  const navigate = useApp((s) => s.navigate);
  const userId = useApp((s) => s.session?.user.id ?? '');
  const siteType = useApp((s) => s.site?.siteType);
  const [stayStarted, setStayStarted] = useState<string | null>(null);
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
        onSubmit={async (answers) => {
          const r = await call('forms.save', { personId: person.id, templateId: template.id, templateVersion: template.version, answers });
          if (!r.ok) return r.error;
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
