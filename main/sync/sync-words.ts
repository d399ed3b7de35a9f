// Sync problems in plain words for the status area on every screen: what happened, and that work
// goes on here (nothing is lost; it is sent when the connection is back).
import { CentralError } from './central-client';

export interface SyncProblem {
  kind: string;
  message: string;
}

export function describeSyncError(err: unknown): SyncProblem {
  if (err instanceof CentralError) {
    switch (err.kind) {
      case 'certificate_expired':
        return { kind: err.kind, message: `This site's certificate has expired, so records cannot be shared: ask site IT to renew it. (${err.message})` };
      case 'certificate_not_yet_valid':
        return { kind: err.kind, message: `This site's certificate is not valid yet: check this PC's date and time. (${err.message})` };
      case 'untrusted_central':
        return { kind: err.kind, message: `The central record did not prove who it is (wrong CA or a proxy inspecting TLS): nothing was sent. Tell site IT. (${err.message})` };
      case 'refused':
        return { kind: err.kind, message: `The central record refused this site's certificate (revoked, expired or not registered): tell site IT. (${err.message})` };
      case 'unreachable':
      case 'timeout':
        return { kind: 'unreachable', message: `The central record cannot be reached. Work carries on here; records are sent when it is back. (${err.message})` };
      case 'rejected':
        return err.code === 'not_permitted'
          ? { kind: 'not_permitted', message: `Not permitted by policy: ${err.message}` }
          : { kind: err.kind, message: `The central record refused the request: ${err.message}` };
      case 'server':
        return { kind: err.kind, message: `The central record had a problem (${err.message}); it is tried again shortly.` };
      case 'protocol':
        return { kind: err.kind, message: `The answer from the central record was not trusted and was not used (${err.message}).` };
    }
  }
  return { kind: 'internal', message: `Sync failed here: ${(err as Error)?.message ?? String(err)}` };
}
