// An HTTP CONNECT tunnel through a proxy: the proxy sees only "CONNECT host:443"; TLS, with the
// site's client certificate, runs end to end inside the tunnel, so the central sees the site's
// certificate and no proxy can read or alter the traffic.
import http from 'node:http';
import type { Socket } from 'node:net';
import { NetError } from './net-error';

function authority(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

export function openTunnel(proxy: URL, host: string, port: number, timeoutMs: number): Promise<Socket> {
  const proxyName = proxy.host;
  const target = authority(host, port);
  return new Promise<Socket>((resolve, reject) => {
    const req = http.request({
      host: proxy.hostname.replace(/^\[|\]$/g, ''),
      port: Number(proxy.port || 80),
      method: 'CONNECT',
      path: target,
      headers: { Host: target },
      agent: false,
      timeout: timeoutMs,
    });
    const refused = (status: number, statusText: string) => {
      if (status === 407) {
        return new NetError(
          'proxy_auth_required',
          `The proxy ${proxyName} asks for a login (HTTP 407) before it opens a tunnel to ${target}. SONAR does not sign in to proxies: ` +
            `ask the network team to allow CONNECT from this PC to ${target} without authentication.`,
          '407',
        );
      }
      return new NetError(
        'proxy_refused',
        `The proxy ${proxyName} refused to open a tunnel (CONNECT) to ${target}: HTTP ${status} ${statusText}. ` +
          `Ask the network team to allow CONNECT from this PC to ${target}.`,
        String(status),
      );
    };
    req.once('connect', (res, socket, head) => {
      if (res.statusCode !== 200) {
        socket.destroy();
        reject(refused(res.statusCode ?? 0, res.statusMessage ?? ''));
        return;
      }
      if (head.length > 0) socket.unshift(head);
      resolve(socket);
    });
    // Some proxies answer a refused CONNECT as an ordinary response.
    req.once('response', (res) => {
      res.resume();
      reject(refused(res.statusCode ?? 0, res.statusMessage ?? ''));
    });
    req.once('timeout', () => {
      req.destroy();
      reject(new NetError('timeout', `The proxy ${proxyName} did not answer in time.`, 'ETIMEDOUT'));
    });
    req.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new NetError(
          'proxy_unreachable',
          `The proxy ${proxyName} could not be reached (${error.code ?? error.message}). Check the proxy setting in the site policy.`,
          error.code,
        ),
      );
    });
    req.end();
  });
}
