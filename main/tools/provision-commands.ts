// The provisioning commands, shared by `npm run provision -- ...` (plain Node, owner-only key
// file) and the installed app (`SONAR.exe --provision ...`, key wrapped by the OS keystore):
//   status                      the site settings (and where each came from), the certificate state
//   request [--out F] [--replace]  new key pair and CSR; the CSR is written to F as well
//   accept FILE                 install the signed certificate (PEM, chain allowed)
//   check [--timeout S]         reach the central through the configured proxy with the certificate
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { siteSettingNames } from '../../contract/site-config';
import { resolveSiteSettings, type PolicySources, type ResolvedSite } from '../app/policy/resolve-site-settings';
import { describeSource } from '../app/policy/settings-layer';
import { SiteCredentialStore, leafCertificate } from '../keys/site-credentials';
import type { SecretWrapping } from '../keys/secret-file';
import { loadCaBundle } from '../net/ca-bundle';
import type { SystemProxyResolver } from '../net/proxy-setting';
import { acceptSiteCertificate } from './provision-accept';
import { checkCentral, formatReport } from './provision-check';
import { ProvisionError, createSiteRequest } from './provision-request';
import { describeCertificate } from './provision-words';

export interface ProvisionEnvironment {
  dataDir: string;
  policy: PolicySources;
  /** An installed build: settings from machine policy only. */
  packaged: boolean;
  wrapping: SecretWrapping;
  systemProxy: SystemProxyResolver;
  now: () => Date;
}

export interface ProvisionOutcome {
  exitCode: number;
  output: string;
}

export const PROVISION_USAGE = `Usage: provision <command>
  status                          site settings (and where each came from) and certificate state
  request [--out FILE] [--replace]  make the site's key pair (kept on this PC) and a certificate request
  accept FILE                     install the certificate the region's CA signed (PEM)
  check [--timeout SECONDS]       reach the central through the configured proxy with the certificate
Options: --data-dir DIR (default: this user's SONAR data folder); --report FILE (also write the output there)
`;

function settings(env: ProvisionEnvironment): ResolvedSite {
  return resolveSiteSettings({ dataDir: env.dataDir, policy: env.policy, packaged: env.packaged, createDemoSite: false, keyExists: false, log: () => undefined });
}

function status(env: ProvisionEnvironment, credentials: SiteCredentialStore): string {
  const resolved = settings(env);
  const lines = ['Site settings:'];
  for (const name of siteSettingNames) {
    const value = resolved.config[name];
    const origin = resolved.origins[name];
    const shown = name === 'caBundle' && typeof value === 'string' && value.startsWith('-----') ? '(PEM in the policy)' : JSON.stringify(value ?? null);
    lines.push(`  ${name} = ${shown}  [${origin === 'default' ? 'default' : describeSource(origin)}]`);
  }
  const active = credentials.active();
  lines.push('', `Site certificate: ${active ? describeCertificate(leafCertificate(active.certPem)) : 'none'}`);
  const pending = credentials.pending();
  lines.push(`Outstanding request: ${pending ? `made ${pending.createdAt}, ${credentials.csrFile}` : 'none'}`);
  lines.push(`Private key: ${credentials.description}`);
  return lines.join('\n') + '\n';
}

async function request(env: ProvisionEnvironment, credentials: SiteCredentialStore, out: string | undefined, replace: boolean): Promise<string> {
  const { config } = settings(env);
  const result = await createSiteRequest(config, credentials, { replace, now: env.now() });
  if (out) writeFileSync(out, result.csrPem);
  return (
    `${result.replacedEarlierRequest ? 'Replaced the earlier request. ' : ''}A new key pair was made for site ${config.siteCode}; its private key stays on this PC (${credentials.description}).\n` +
    `Certificate request: ${result.csrFile}${out ? ` and ${out}` : ''}\n` +
    `Public key SHA-256: ${result.publicKeySha256}\n` +
    'Send the request to the central\'s administrator and read them the public key fingerprint by phone; then run "provision accept" with the certificate they return.\n\n' +
    result.csrPem
  );
}

function accept(env: ProvisionEnvironment, credentials: SiteCredentialStore, file: string | undefined): string {
  if (!file) throw new ProvisionError('accept needs the certificate file: provision accept FILE');
  const { config } = settings(env);
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ProvisionError(`The certificate file ${file} could not be read: ${(error as Error).message}`);
  }
  const caBundle = config.caBundle ? loadCaBundle(config.caBundle) : null;
  const result = acceptSiteCertificate(config, credentials, pem, { now: env.now(), caBundle });
  return [`Installed the site certificate: ${result.certificate}`, ...result.notes.map((n) => `Note: ${n}`), 'Next: provision check'].join('\n') + '\n';
}

export async function runProvision(argv: readonly string[], env: ProvisionEnvironment): Promise<ProvisionOutcome> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        replace: { type: 'boolean', default: false },
        timeout: { type: 'string' },
        'data-dir': { type: 'string' },
        report: { type: 'string' },
      },
    });
  } catch (error) {
    return { exitCode: 2, output: `${(error as Error).message}\n${PROVISION_USAGE}` };
  }
  const outcome = await dispatch(parsed.positionals, parsed.values, env);
  // The installed app has no console on Windows: --report FILE keeps what it said.
  if (parsed.values.report) writeFileSync(parsed.values.report, outcome.output);
  return outcome;
}

async function dispatch(
  positionals: string[],
  values: { out?: string; replace?: boolean; timeout?: string },
  env: ProvisionEnvironment,
): Promise<ProvisionOutcome> {
  const [command, file] = positionals;
  const credentials = new SiteCredentialStore(env.dataDir, env.wrapping);
  const parsed = { values };
  try {
    switch (command) {
      case 'status':
        return { exitCode: 0, output: status(env, credentials) };
      case 'request':
        return { exitCode: 0, output: await request(env, credentials, parsed.values.out, parsed.values.replace ?? false) };
      case 'accept':
        return { exitCode: 0, output: accept(env, credentials, file) };
      case 'check': {
        const seconds = parsed.values.timeout === undefined ? 30 : Number(parsed.values.timeout);
        if (!Number.isFinite(seconds) || seconds <= 0) throw new ProvisionError('--timeout must be a number of seconds');
        const report = await checkCentral({ site: settings(env).config, credentials, systemProxy: env.systemProxy, now: env.now, timeoutMs: seconds * 1000 });
        return { exitCode: report.ok ? 0 : 1, output: formatReport(report) };
      }
      default:
        return { exitCode: 2, output: PROVISION_USAGE };
    }
  } catch (error) {
    return { exitCode: 1, output: `Provisioning stopped: ${(error as Error).message}\n` };
  }
}
