// The browser host's transport: POST /rpc/<channel> with the session token and the launch secret
// in headers. The host answers every RPC with HTTP 200 and an RpcResult; anything else (403 without the launch secret,
// a crash, the host gone) is turned into an RpcResult here so screens handle one shape only.
import type { ChannelInput, ChannelName, ChannelOutput, SonarBridge } from '../../contract/channels';
import type { RpcError, RpcResult } from '../../contract/result';

export const SESSION_HEADER = 'X-Sonar-Session';
/** The browser host's per-launch secret (launch-secret.ts). */
export const LAUNCH_HEADER = 'X-Sonar-Launch';

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

function failure(code: RpcError['code'], message: string): RpcResult<never> {
  return { ok: false, error: { code, message } };
}

function looksLikeResult(body: unknown): body is RpcResult<unknown> {
  if (typeof body !== 'object' || body === null) return false;
  const r = body as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  if (r.ok === true) return 'value' in r;
  return r.ok === false && typeof r.error?.code === 'string' && typeof r.error.message === 'string';
}

/** The host's own words for a refusal are short plain text written for the user; anything else is not shown. */
async function refusalText(response: Response): Promise<string | null> {
  try {
    const text = (await response.text()).trim();
    return text.length > 0 && text.length <= 200 && !text.startsWith('<') ? text : null;
  } catch {
    return null;
  }
}

export function createFetchBridge(fetchImpl: Fetch, base = '', launch: () => string | null = () => null): SonarBridge {
  return {
    async invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>, session: string | null): Promise<RpcResult<ChannelOutput<C>>> {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (session) headers[SESSION_HEADER] = session;
      const secret = launch();
      if (secret) headers[LAUNCH_HEADER] = secret;
      let response: Response;
      try {
        response = await fetchImpl(`${base}/rpc/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers,
          body: JSON.stringify(input ?? {}),
          credentials: 'same-origin',
          cache: 'no-store',
        });
      } catch {
        return failure('internal', 'SONAR could not be reached. Check it is still running, then try again.');
      }
      if (response.status === 401 || response.status === 403) {
        const text = await refusalText(response);
        return failure('unauthenticated', text ?? 'This browser may not use SONAR. Open SONAR with the address printed when it started.');
      }
      if (response.status !== 200) {
        return failure('internal', `SONAR did not answer properly (HTTP ${response.status}). Try again; if it keeps happening, contact site IT.`);
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        body = undefined;
      }
      if (!looksLikeResult(body)) return failure('internal', 'SONAR sent an answer this screen cannot read. Try again; if it keeps happening, contact site IT.');
      // The shape is checked; the value is the router's own output for this channel (same contract).
      return body as RpcResult<ChannelOutput<C>>;
    },
  };
}
