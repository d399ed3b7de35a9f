import { describe, expect, it } from 'vitest';
import { createFetchBridge } from './fetch-bridge';

interface Seen {
  url: string;
  init: RequestInit;
}

function fakeFetch(respond: () => Response | Promise<Response>) {
  const seen: Seen[] = [];
  const fetchImpl = async (url: string, init: RequestInit) => {
    seen.push({ url, init });
    return respond();
  };
  return { seen, fetchImpl };
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('fetch bridge', () => {
  it('posts the input as JSON to /rpc/<channel> with the session header', async () => {
    const { seen, fetchImpl } = fakeFetch(() => json({ ok: true, value: { results: [], more: false } }));
    const bridge = createFetchBridge(fetchImpl);
    const result = await bridge.invoke('patients.search', { query: 'jones' }, 'tok-1');
    expect(result).toEqual({ ok: true, value: { results: [], more: false } });
    expect(seen[0]?.url).toBe('/rpc/patients.search');
    expect(seen[0]?.init.method).toBe('POST');
    expect(seen[0]?.init.body).toBe('{"query":"jones"}');
    expect(seen[0]?.init.headers).toEqual({ 'Content-Type': 'application/json', 'X-Sonar-Session': 'tok-1' });
  });

  it('sends the launch secret in its own header when there is one', async () => {
    const { seen, fetchImpl } = fakeFetch(() => json({ ok: true, value: { needsFirstAdmin: true } }));
    await createFetchBridge(fetchImpl, '', () => 'secret-from-the-fragment').invoke('setup.status', {}, null);
    expect(seen[0]?.init.headers).toEqual({ 'Content-Type': 'application/json', 'X-Sonar-Launch': 'secret-from-the-fragment' });
  });

  it('sends no session header when signed out', async () => {
    const { seen, fetchImpl } = fakeFetch(() => json({ ok: true, value: { needsFirstAdmin: true } }));
    await createFetchBridge(fetchImpl).invoke('setup.status', {}, null);
    expect(seen[0]?.init.headers).toEqual({ 'Content-Type': 'application/json' });
  });

  it('passes refusals from the router through unchanged', async () => {
    const error = { code: 'invalid_input', message: 'nhsNumber: bad', path: 'nhsNumber' };
    const { fetchImpl } = fakeFetch(() => json({ ok: false, error }));
    expect(await createFetchBridge(fetchImpl).invoke('patients.get', { personId: 'x' }, 't')).toEqual({ ok: false, error });
  });

  it('turns a 403 from the host into unauthenticated, with the host words', async () => {
    const { fetchImpl } = fakeFetch(() => new Response('Open SONAR with the address printed when it started.', { status: 403 }));
    expect(await createFetchBridge(fetchImpl).invoke('setup.status', {}, null)).toEqual({
      ok: false,
      error: { code: 'unauthenticated', message: 'Open SONAR with the address printed when it started.' },
    });
  });

  it('turns other statuses, bad bodies and network failures into internal errors', async () => {
    const cases: (() => Response | Promise<Response>)[] = [
      () => new Response('boom', { status: 500 }),
      () => new Response('<html>not json</html>', { status: 200 }),
      () => json({ hello: 'world' }),
      () => Promise.reject(new TypeError('Failed to fetch')),
    ];
    for (const respond of cases) {
      const result = await createFetchBridge(fakeFetch(respond).fetchImpl).invoke('setup.status', {}, null);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.code).toBe('internal');
    }
  });
});
