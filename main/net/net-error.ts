// Why a connection to the central failed, as one closed set of reasons, each with words a site's
// IT team can act on. Provisioning prints them; the sync client shows them in its status area.

export type NetFailure =
  | 'proxy_unreachable'
  | 'proxy_refused'
  | 'proxy_auth_required'
  | 'proxy_unsupported'
  | 'dns'
  | 'unreachable'
  | 'timeout'
  | 'server_wrong_ca'
  | 'server_cert_not_yet_valid'
  | 'server_cert_expired'
  | 'server_name_mismatch'
  | 'tls_version'
  | 'client_cert_refused'
  | 'response_too_large'
  | 'protocol';

export class NetError extends Error {
  constructor(
    readonly failure: NetFailure,
    message: string,
    /** The underlying error code (ECONNREFUSED, CERT_NOT_YET_VALID...) for logs. */
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'NetError';
  }
}

const WRONG_CA = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
]);

function codeOf(error: unknown): string {
  const e = error as { code?: unknown } | null;
  return typeof e?.code === 'string' ? e.code : '';
}

/** A failure while connecting, resolving or shaking hands with `host:port` (the proxy's job is done by then). */
export function classifyConnectError(error: unknown, host: string, port: number): NetError {
  const code = codeOf(error);
  const raw = error instanceof Error ? error.message : String(error);
  const target = `${host}:${port}`;
  if (error instanceof NetError) return error;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new NetError('dns', `The central's name ${host} could not be found (DNS). Check centralUrl in the site policy and this PC's DNS.`, code);
  }
  if (code === 'ECONNREFUSED' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH') {
    return new NetError('unreachable', `Nothing answered at ${target} (${code}). The central may be down, or a firewall blocks this PC; if the site uses a proxy, check the proxy setting.`, code);
  }
  if (code === 'CERT_NOT_YET_VALID') {
    return new NetError(
      'server_cert_not_yet_valid',
      `The central's certificate is not valid yet by this PC's clock. Check this PC's date and time (clock skew), then try again.`,
      code,
    );
  }
  if (code === 'CERT_HAS_EXPIRED') {
    return new NetError('server_cert_expired', `The central's certificate has expired by this PC's clock. If this PC's date is right, the central's certificate needs renewing.`, code);
  }
  if (WRONG_CA.has(code)) {
    return new NetError(
      'server_wrong_ca',
      `The central's certificate was not issued by the CA in the site policy (caBundle) (${code}). Either caBundle is the wrong CA, or something ` +
        'between this PC and the central (a TLS-inspecting proxy) presents its own certificate: ask the network team to exempt the central from inspection.',
      code,
    );
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return new NetError('server_name_mismatch', `The central's certificate is not for the name ${host}. Check centralUrl in the site policy.`, code);
  }
  if (/PROTOCOL_VERSION|UNSUPPORTED_PROTOCOL|WRONG_VERSION_NUMBER|NO_PROTOCOLS_AVAILABLE/.test(code) || /protocol version|wrong version number/i.test(raw)) {
    return new NetError('tls_version', `${target} does not speak TLS 1.3 (${code || raw}). SONAR connects with TLS 1.3 only; check centralUrl points at the central.`, code);
  }
  return clientCertRefusedOr(error, target);
}

/** After the handshake: with TLS 1.3 the server checks the client certificate after the client thinks it is connected. */
export function classifyAfterHandshakeError(error: unknown, host: string, port: number): NetError {
  if (error instanceof NetError) return error;
  return clientCertRefusedOr(error, `${host}:${port}`);
}

function clientCertRefusedOr(error: unknown, target: string): NetError {
  const code = codeOf(error);
  const raw = error instanceof Error ? error.message : String(error);
  if (/ALERT/.test(code) || code === 'ECONNRESET' || code === 'EPIPE' || /socket hang up|alert/i.test(raw)) {
    return new NetError(
      'client_cert_refused',
      `The central at ${target} closed the connection during the TLS handshake (${code || raw}): most often it does not accept this site's certificate ` +
        '(not issued by its CA, expired, revoked, or the site not registered). Run the provisioning check, or ask the central\'s administrator.',
      code || raw,
    );
  }
  if (code === 'ETIMEDOUT') return new NetError('timeout', `${target} did not answer in time.`, code);
  return new NetError('protocol', `The connection to ${target} failed: ${raw}`, code || undefined);
}
