// Machine policy from the Windows registry (HKLM\SOFTWARE\Policies\SONAR), the first and highest
// source of site settings, written by Group Policy (the ADMX template in build/policy/) or Intune.
// Read with Windows' own `reg.exe query`, whose output is parsed here: the command runner is the
// one seam a test replaces, so everything from the text onwards runs the same on Linux CI.
// Value names are the setting names; types: REG_SZ or REG_EXPAND_SZ for text, REG_DWORD for
// numbers and for on/off (0 or 1), REG_MULTI_SZ for lists.
import { spawnSync } from 'node:child_process';
import type { SiteSettingName } from '../../../contract/site-config';
import { SiteConfigError, validateSettingsLayer, type SettingsLayer, type SettingsSource } from './settings-layer';

export const POLICY_KEY = 'HKLM\\SOFTWARE\\Policies\\SONAR';
const POLICIES_PARENT = 'HKLM\\SOFTWARE\\Policies';
const POLICY_KEY_LONG = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\SONAR';

export interface RegResult {
  status: number | null;
  stdout: string;
  stderr: string;
  error?: Error;
}
/** Runs `reg.exe` with these arguments. */
export type RegRunner = (args: readonly string[]) => RegResult;

export const runRegExe: RegRunner = (args) => {
  const result = spawnSync('reg.exe', [...args], { encoding: 'utf8', windowsHide: true, timeout: 15_000 });
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '', ...(result.error ? { error: result.error } : {}) };
};

export interface RegValue {
  name: string;
  type: string;
  data: string;
}

/** The values directly under the queried key (subkeys and the unnamed default value are skipped). */
export function parseRegQueryOutput(stdout: string): RegValue[] {
  const values: RegValue[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    // "    name    REG_TYPE    data": reg.exe separates the columns with four spaces.
    const match = /^ {4}(.+?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/.exec(line);
    if (!match) continue;
    const [, name, type, data] = match;
    if (name === '(Default)' || name === '(Standard)') continue;
    values.push({ name: name!, type: type!, data: data ?? '' });
  }
  return values;
}

type Kind = 'text' | 'number' | 'onOff' | 'list';
/** How each setting is stored in the registry; `satisfies` keeps it in step with the schema. */
export const REGISTRY_KINDS = {
  schemaVersion: 'number',
  siteCode: 'text',
  siteName: 'text',
  siteType: 'text',
  demo: 'onOff',
  idleLockMinutes: 'number',
  centralUrl: 'text',
  caBundle: 'text',
  syncEnabled: 'onOff',
  proxy: 'text',
  updateMode: 'text',
  templates: 'list',
  codeLists: 'list',
  alcoholQuestions: 'text',
  smsFirstReviewDays: 'number',
  smsSecondReviewDays: 'number',
  smsReviewIntervalWeeks: 'number',
} as const satisfies Record<SiteSettingName | 'schemaVersion', Kind>;

const TYPE_FOR_KIND: Record<Kind, string> = {
  text: 'REG_SZ',
  number: 'REG_DWORD',
  onOff: 'REG_DWORD (0 or 1)',
  list: 'REG_MULTI_SZ',
};

function expandEnvironment(text: string, env: NodeJS.ProcessEnv): string {
  return text.replace(/%([^%]+)%/g, (whole, name: string) => {
    const key = Object.keys(env).find((k) => k.toLowerCase() === name.toLowerCase());
    return key !== undefined && env[key] !== undefined ? env[key] : whole;
  });
}

function convert(value: RegValue, env: NodeJS.ProcessEnv): unknown {
  const kind = (REGISTRY_KINDS as Record<string, Kind | undefined>)[value.name];
  // Unknown names pass through as text, so the schema names them as unknown settings.
  if (kind === undefined) return value.data;
  const where = `${POLICY_KEY}\\${value.name}`;
  const wrongType = () => new SiteConfigError(`The site policy value ${where} must be ${TYPE_FOR_KIND[kind]}, not ${value.type}.`);
  if (value.data.includes('\uFFFD')) {
    // reg.exe writes in the console code page; a character it cannot pass on arrives as U+FFFD.
    throw new SiteConfigError(`The site policy value ${where} holds characters that could not be read; use plain letters, or set it in site.json (UTF-8).`);
  }
  switch (kind) {
    case 'text':
      if (value.type === 'REG_SZ') return value.data;
      if (value.type === 'REG_EXPAND_SZ') return expandEnvironment(value.data, env);
      throw wrongType();
    case 'number':
    case 'onOff': {
      if (value.type !== 'REG_DWORD' || !/^0x[0-9a-f]{1,8}$/i.test(value.data)) throw wrongType();
      const n = Number.parseInt(value.data.slice(2), 16);
      if (kind === 'number') return n;
      if (n !== 0 && n !== 1) throw wrongType();
      return n === 1;
    }
    case 'list':
      if (value.type !== 'REG_MULTI_SZ') throw wrongType();
      // reg.exe shows the strings of a REG_MULTI_SZ joined by a literal "\0".
      return value.data === '' ? [] : value.data.split('\\0').filter((s) => s !== '').map((s) => expandEnvironment(s, env));
  }
}

export function registryLayerFromValues(values: readonly RegValue[], env: NodeJS.ProcessEnv = process.env): SettingsLayer {
  const json: Record<string, unknown> = {};
  for (const value of values) json[value.name] = convert(value, env);
  const source: SettingsSource = { kind: 'registry', name: POLICY_KEY };
  return validateSettingsLayer(json, source);
}

/** Whether HKLM\SOFTWARE\Policies lists a SONAR subkey; null when that cannot be read either. */
function keyListedUnderPolicies(run: RegRunner): boolean | null {
  const parent = run(['query', POLICIES_PARENT, '/reg:64']);
  if (parent.error || parent.status !== 0) return null;
  return parent.stdout.split(/\r?\n/).some((line) => line.trim().toUpperCase() === POLICY_KEY_LONG.toUpperCase());
}

/**
 * The registry policy, or null when the key does not exist. Fails closed when reg.exe cannot say:
 * a policy that exists but cannot be read must not be silently ignored.
 */
export function readRegistryPolicy(run: RegRunner = runRegExe, env: NodeJS.ProcessEnv = process.env): SettingsLayer | null {
  const result = run(['query', POLICY_KEY, '/reg:64']);
  if (result.status === 0) return registryLayerFromValues(parseRegQueryOutput(result.stdout), env);
  // reg.exe's "not found" message is translated on non-English Windows, so absence is confirmed by
  // listing the parent key (its key names are not translated) rather than by reading the message.
  if (!result.error && result.status === 1 && keyListedUnderPolicies(run) === false) return null;
  const why = result.error?.message ?? (result.stderr.trim() || `reg.exe exit status ${String(result.status)}`);
  throw new SiteConfigError(
    `The site policy in ${POLICY_KEY} could not be read (${why}). SONAR will not start without knowing its site policy; ` +
      'if reg.exe is blocked on this PC, allow it for SONAR or contact site IT.',
  );
}
