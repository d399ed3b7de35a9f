// Every printed copy of patient information is recorded in the audit trail:
// call this just before window.print(). A failure to record does not stop the print (the copy may
// be needed at once); the message says what to tell site IT.
import { useCallback } from 'react';
import type { RpcResult } from '../../../contract/result';
import type { AppState } from '../../app/app-state';
import { useApp } from '../../app/store-context';

export type Call = AppState['call'];

export interface PrintRecorded {
  recorded: boolean;
  /** Shown to the user when the print could not be recorded. */
  problem: string | null;
}

export async function recordPrint(call: Call, personId: string, document: string): Promise<PrintRecorded> {
  let result: RpcResult<{ recorded: true }>;
  try {
    result = await call('audit.recordPrint', { personId, document: document.trim().slice(0, 120) || 'Printed page' });
  } catch {
    result = { ok: false, error: { code: 'internal', message: 'SONAR could not be reached.' } };
  }
  if (result.ok) return { recorded: true, problem: null };
  return { recorded: false, problem: `The print could not be recorded in the audit trail (${result.error.message}). The copy is printed anyway; tell site IT.` };
}

/** Records the print, then opens the browser's print dialog. */
export async function printAudited(call: Call, personId: string, document: string, print: () => void = () => window.print()): Promise<PrintRecorded> {
  const recorded = await recordPrint(call, personId, document);
  print();
  return recorded;
}

/** For screens: `const recordPrint = useRecordPrint(); await recordPrint(personId, 'Handover to the custody officer')`. */
export function useRecordPrint(): (personId: string, document: string) => Promise<PrintRecorded> {
  const call = useApp((s) => s.call);
  return useCallback((personId: string, document: string) => recordPrint(call, personId, document), [call]);
}
