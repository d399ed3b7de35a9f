// Real network pieces for tests on loopback: an HTTPS server that requires a client certificate
// (TLS 1.3, the test CA only), and HTTP CONNECT proxies: one that tunnels, one that refuses.
import http from 'node:http';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';

export interface TestServer {
  url: string;
  port: number;
  /** The subject CN of each client certificate the server accepted. */
  clients: string[];
  close(): Promise<void>;
}

export async function startMtlsServer(opts: {
  certPem: string;
  keyPem: string;
  /** CA(s) whose client certificates are accepted. */
  clientCaPem: string;
  maxVersion?: 'TLSv1.2' | 'TLSv1.3';
  minVersion?: 'TLSv1.2' | 'TLSv1.3';
  /** The Date header the server sends (to simulate a central whose clock differs from this PC's). */
  dateHeader?: () => string;
}): Promise<TestServer> {
  const clients: string[] = [];
  const server = https.createServer(
    {
      key: opts.keyPem,
      cert: opts.certPem,
      ca: opts.clientCaPem,
      requestCert: true,
      rejectUnauthorized: true,
      minVersion: opts.minVersion ?? 'TLSv1.3',
      ...(opts.maxVersion ? { maxVersion: opts.maxVersion } : {}),
    },
    (req, res) => {
      const peer = (req.socket as TLSSocket).getPeerCertificate();
      const cn = typeof peer.subject?.CN === 'string' ? peer.subject.CN : '';
      clients.push(cn);
      if (opts.dateHeader) res.setHeader('Date', opts.dateHeader());
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ ok: true, client: cn, path: req.url }));
    },
  );
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `https://127.0.0.1:${port}`,
    port,
    clients,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface TestProxy {
  url: URL;
  /** Every CONNECT target the proxy was asked for. */
  connects: string[];
  close(): Promise<void>;
}

/** A CONNECT proxy. `refuseWith` makes it answer every CONNECT with that status instead of tunnelling. */
export async function startConnectProxy(opts: { refuseWith?: number } = {}): Promise<TestProxy> {
  const connects: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((_req, res) => {
    res.statusCode = 405;
    res.end();
  });
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    connects.push(req.url ?? '');
    sockets.add(client);
    client.on('error', () => undefined);
    if (opts.refuseWith !== undefined) {
      const reason = http.STATUS_CODES[opts.refuseWith] ?? 'Refused';
      client.end(`HTTP/1.1 ${opts.refuseWith} ${reason}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
      return;
    }
    const [host, port] = (req.url ?? '').split(/:(?=\d+$)/);
    const upstream = net.connect(Number(port), host!.replace(/^\[|\]$/g, ''), () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: new URL(`http://127.0.0.1:${port}`),
    connects,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port with nothing listening on it. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
