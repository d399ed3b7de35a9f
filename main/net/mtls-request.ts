// One HTTPS request with the site's client certificate, optionally through an HTTP CONNECT proxy:
// TLS 1.3 only, the server checked against the given CA bundle (verification is never turned off),
// and every failure turned into a NetError with words IT can act on. Used by provisioning's check
// and by the sync client. One connection per request (Connection: close): sync batches are large
// and few, and a fresh handshake re-reads a renewed certificate.
import http from 'node:http';
import { isIP, type Socket } from 'node:net';
import tls from 'node:tls';
import { NetError, classifyAfterHandshakeError, classifyConnectError } from './net-error';
import { openTunnel } from './proxy-tunnel';

export interface MtlsRequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** PEM of the site's certificate (with any intermediates) and its private key. */
  clientCert?: string;
  clientKey?: string;
  /** PEM of the CA(s) the server's certificate must chain to. */
  ca?: string;
  /** An HTTP CONNECT proxy, or null for a direct connection. */
  proxy?: URL | null;
  timeoutMs?: number;
  /** Refuse a response body larger than this. */
  maxBodyBytes?: number;
}

export interface MtlsResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** The server's certificate as it was presented. */
  serverCertificate: tls.PeerCertificate;
  tlsVersion: string | null;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_BODY = 64 * 1024 * 1024;

function connectTls(options: tls.ConnectionOptions, host: string, port: number): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect(options);
    const onError = (error: Error) => {
      socket.destroy();
      reject(classifyConnectError(error, host, port));
    };
    socket.once('error', onError);
    socket.once('secureConnect', () => {
      socket.off('error', onError);
      resolve(socket);
    });
  });
}

function exchange(socket: tls.TLSSocket, url: URL, options: MtlsRequestOptions, host: string, port: number): Promise<Omit<MtlsResponse, 'serverCertificate' | 'tlsVersion'>> {
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  return new Promise((resolve, reject) => {
    const body = options.body === undefined ? undefined : Buffer.isBuffer(options.body) ? options.body : Buffer.from(options.body, 'utf8');
    const req = http.request({
      method: options.method ?? (body ? 'POST' : 'GET'),
      path: `${url.pathname}${url.search}`,
      headers: {
        host: url.host,
        connection: 'close',
        ...(body ? { 'content-length': String(body.length) } : {}),
        ...options.headers,
      },
      createConnection: () => socket,
    });
    req.once('error', (error) => reject(classifyAfterHandshakeError(error, host, port)));
    req.once('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBody) {
          req.destroy();
          reject(new NetError('response_too_large', `The answer from ${url.host} was larger than ${maxBody} bytes; it was not read.`));
          return;
        }
        chunks.push(chunk);
      });
      res.once('error', (error) => reject(classifyAfterHandshakeError(error, host, port)));
      res.once('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.end(body);
  });
}

export async function mtlsRequest(address: string | URL, options: MtlsRequestOptions = {}): Promise<MtlsResponse> {
  const url = new URL(address);
  if (url.protocol !== 'https:') throw new NetError('protocol', `Only https:// addresses are used for the central, not ${url.protocol}`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || 443);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  let tunnel: Socket | undefined;
  let tlsSocket: tls.TLSSocket | undefined;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      tunnel?.destroy();
      tlsSocket?.destroy();
      reject(new NetError('timeout', `${url.host} did not answer within ${Math.round(timeoutMs / 1000)} s.`, 'ETIMEDOUT'));
    }, timeoutMs);
  });

  const run = async (): Promise<MtlsResponse> => {
    if (options.proxy) tunnel = await openTunnel(options.proxy, host, port, timeoutMs);
    tlsSocket = await connectTls(
      {
        host,
        port,
        ...(isIP(host) === 0 ? { servername: host } : {}),
        ...(tunnel ? { socket: tunnel } : {}),
        minVersion: 'TLSv1.3',
        ...(options.ca ? { ca: options.ca } : {}),
        ...(options.clientCert ? { cert: options.clientCert } : {}),
        ...(options.clientKey ? { key: options.clientKey } : {}),
      },
      host,
      port,
    );
    const serverCertificate = tlsSocket.getPeerCertificate(false);
    const tlsVersion = tlsSocket.getProtocol();
    const response = await exchange(tlsSocket, url, options, host, port);
    return { ...response, serverCertificate, tlsVersion };
  };

  try {
    return await Promise.race([run(), timedOut]);
  } finally {
    clearTimeout(timer);
    tlsSocket?.destroy();
    tunnel?.destroy();
  }
}
