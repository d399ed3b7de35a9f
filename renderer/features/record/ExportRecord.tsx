// Export the whole record for another care provider, as a FHIR UK Core bundle (JSON). Offered to
// the roles that may export (record.export); the export is audited against the person.
import { useState } from 'react';
import { useApp } from '../../app/store-context';
import { saveFile } from '../reports/download';

export function ExportRecord({ personId }: { personId: string }) {
  const call = useApp((s) => s.call);
  const allowed = useApp((s) => s.session?.user.permissions.includes('record.export') ?? false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ failed: boolean; text: string } | null>(null);
  if (!allowed) return null;

  async function exportRecord() {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    const r = await call('records.exportFhir', { personId });
    setBusy(false);
    if (!r.ok) return setMessage({ failed: true, text: r.error.message });
    saveFile(r.value);
    setMessage({ failed: false, text: `Saved ${r.value.fileName} (${r.value.resources} FHIR resources). The export is recorded in the audit trail.` });
  }

  return (
    <section aria-labelledby="export-record-title" className="sonar-section" data-testid="export-record">
      <h2 className="nhsuk-heading-m" id="export-record-title">
        Export the record
      </h2>
      <p className="nhsuk-body">For transfer of care: the whole record as a FHIR UK Core bundle (JSON) for another provider&apos;s system.</p>
      <button type="button" className="nhsuk-button nhsuk-button--secondary" aria-disabled={busy} onClick={() => void exportRecord()}>
        {busy ? 'Preparing the export…' : 'Download the record (FHIR)'}
      </button>
      <p role="status" className={message?.failed ? 'nhsuk-error-message' : 'nhsuk-body'}>
        {message?.text ?? ''}
      </p>
    </section>
  );
}
