// Amending an entry: the same form, filled with what was recorded, scored with the template
// version the entry was made with, and a reason for the amendment. The old version is kept.
import { useState } from 'react';
import type { SavedResponse } from '../../../contract/channels/forms';
import type { Template } from '../../../domain/templates/template-schema';
import { useApp } from '../../app/store-context';
import { TextAreaField } from '../../components/TextAreaField';
import { PersonFrame } from '../person/PersonFrame';
import { draftKey } from './drafts-slice';
import { draftFromAnswers } from './form-draft';
import { LoadFailed } from './LoadFailed';
import { savedNotice } from './saved-notice';
import { TemplateForm } from './TemplateForm';
import { useResponses, useTemplate } from './use-forms';
import { PageHeading } from '../../components/PageHeading';

function AmendBody({ personId, response, template }: { personId: string; response: SavedResponse; template: Template }) {
  const call = useApp((s) => s.call);
  const navigate = useApp((s) => s.navigate);
  const userId = useApp((s) => s.session?.user.id ?? '');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  return (
    <>
      <PageHeading>Amend: {template.title}</PageHeading>
      <TemplateForm
        template={template}
        draftKey={draftKey(userId, personId, `amend:${response.id}`)}
        initialDraft={draftFromAnswers(template, response.answers)}
        submitLabel="Save amendment"
        extra={<TextAreaField id="amend-reason" label="Reason for the amendment" value={reason} onValueChange={setReason} error={reasonError} />}
        checkExtra={() => {
          const message = reason.trim() === '' ? 'Enter the reason for the amendment' : undefined;
          setReasonError(message);
          return message ? [{ message, target: 'amend-reason' }] : [];
        }}
        onSubmit={async (answers) => {
          const r = await call('forms.amend', { responseId: response.id, answers, reason: reason.trim() });
          if (!r.ok) return r.error;
          navigate({ name: 'response', personId, responseId: r.value.responseId }, { kind: 'success', text: savedNotice(template.title, r.value, 'amended') });
          return null;
        }}
      />
    </>
  );
}

export function AmendScreen({ personId, responseId }: { personId: string; responseId: string }) {
  const { load } = useResponses(personId, null, false);
  const response = load.state === 'loaded' ? load.value.find((r) => r.id === responseId) : undefined;
  const template = useTemplate(response?.templateId ?? null, response?.templateVersion ?? null);
  return (
    <PersonFrame personId={personId} title="Amend" back={{ route: { name: 'response', personId, responseId }, label: 'Back to the entry' }}>
      {() =>
        load.state === 'failed' ? (
          <LoadFailed title="The entry could not be opened" message={load.message} />
        ) : template.state === 'failed' ? (
          <LoadFailed title="The form could not be opened" message={template.message} />
        ) : load.state === 'loaded' && !response ? (
          <LoadFailed title="This entry cannot be amended" message="Only the latest version of an entry can be amended." />
        ) : response && template.state === 'loaded' ? (
          <AmendBody personId={personId} response={response} template={template.value} />
        ) : (
          <p role="status">Opening the entry…</p>
        )
      }
    </PersonFrame>
  );
}
