// Which site this is: the setting sources merged field by field, highest first (the VS Code /
// Slack model: one build, per-site settings by machine policy):
//   1. registry policy  HKLM\SOFTWARE\Policies\SONAR          (Windows)
//   2. machine file     %ProgramData%\SONAR\site.json  or  /etc/sonar/site.json
//   3. data directory   sonar.config.json                     (developer machines only)
// A packaged build reads only 1 and 2 (a user-writable file must not redirect a site's record or
// its sync) and stops with a message for IT when neither exists. The demo site is written only on
// a developer machine, only into a data directory that has never held a site.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { siteConfigSchema, siteSettingNames, type SiteConfig, type SiteSettingName } from '../../../contract/site-config';
import { DEMO_SITES, SITE_CONFIG_FILE, readDataDirSettings, writeDemoSiteFile, type DemoSiteKind } from '../site-config-file';
import { siteFilesIn } from './data-dir-state';
import { defaultMachinePolicyFile, readMachinePolicyFile } from './machine-file-policy';
import { POLICY_KEY, readRegistryPolicy, runRegExe, type RegRunner } from './registry-policy';
import { SiteConfigError, describeSource, formatIssues, type SettingsLayer, type SettingsSource } from './settings-layer';

export interface PolicySources {
  /** The registry policy layer, or null when there is none (always null off Windows). */
  readRegistry: () => SettingsLayer | null;
  /** The machine policy file's path. */
  machineFile: string;
  platform: NodeJS.Platform;
}

/** Where this platform keeps machine policy. Tests pass their own registry runner and file. */
export function platformPolicySources(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  runReg: RegRunner = runRegExe,
): PolicySources {
  return {
    readRegistry: platform === 'win32' ? () => readRegistryPolicy(runReg, env) : () => null,
    machineFile: defaultMachinePolicyFile(platform, env),
    platform,
  };
}

export interface ResolveSiteOptions {
  dataDir: string;
  policy: PolicySources;
  /** A packaged (installed) build: machine policy required, no demo site, no data-directory file. */
  packaged: boolean;
  /** Write the demo site when there are no settings at all and the data directory was never used. */
  createDemoSite: boolean;
  /** True when the database key store already holds a key (which may live outside the data directory). */
  keyExists: boolean;
  /** Which demo site to write (the demo custody suite unless SONAR_DEMO chooses the demo prison). */
  demoSite?: DemoSiteKind;
  log: (message: string) => void;
}

export type SettingOrigin = SettingsSource | 'default';

export interface ResolvedSite {
  config: SiteConfig;
  /** Where each setting came from, for the start-up log and `provision status`. */
  origins: Record<SiteSettingName, SettingOrigin>;
  createdDemo: boolean;
}

export class SitePolicyMissingError extends SiteConfigError {
  constructor(policy: PolicySources) {
    const where = policy.platform === 'win32' ? `the registry key ${POLICY_KEY} (Group Policy or Intune) or the file ${policy.machineFile}` : `the file ${policy.machineFile}`;
    super(
      'SONAR has no site policy on this computer, so it does not know which site it belongs to and will not start. ' +
        `Site IT: set the site policy in ${where}, then start SONAR again. No database was created. ` +
        'The Site IT guide (docs/site-it.md) lists the settings.',
    );
    this.name = 'SitePolicyMissingError';
  }
}

/** Merges layers, highest first: a field takes the value of the first layer that sets it. */
export function mergeLayers(layers: readonly SettingsLayer[]): { merged: Record<string, unknown>; origins: Record<SiteSettingName, SettingOrigin> } {
  const merged: Record<string, unknown> = {};
  const origins = Object.fromEntries(siteSettingNames.map((n) => [n, 'default'])) as Record<SiteSettingName, SettingOrigin>;
  for (const name of ['schemaVersion', ...siteSettingNames] as const) {
    const layer = layers.find((l) => l.values[name] !== undefined);
    if (!layer) continue;
    merged[name] = layer.values[name];
    if (name !== 'schemaVersion') origins[name] = layer.source;
  }
  return { merged, origins };
}

function describeLayers(layers: readonly SettingsLayer[]): string {
  return layers.map((l) => describeSource(l.source)).join(' and ');
}

export function resolveSiteSettings(options: ResolveSiteOptions): ResolvedSite {
  const registry = options.policy.readRegistry();
  const machine = readMachinePolicyFile(options.policy.machineFile, options.policy.platform);
  const policyLayers = [registry, machine].filter((l): l is SettingsLayer => l !== null);
  const dataDirFile = join(options.dataDir, SITE_CONFIG_FILE);

  let layers: SettingsLayer[];
  if (options.packaged) {
    if (policyLayers.length === 0) throw new SitePolicyMissingError(options.policy);
    layers = policyLayers;
  } else {
    const own = readDataDirSettings(dataDirFile);
    layers = own ? [...policyLayers, own] : policyLayers;
  }

  if (layers.length === 0) return createDemoOrRefuse(options, dataDirFile);

  const { merged, origins } = mergeLayers(layers);
  const parsed = siteConfigSchema.safeParse(merged);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => (i.code === 'invalid_type' && i.input === undefined ? { ...i, message: 'missing' } : i));
    throw new SiteConfigError(`The site settings from ${describeLayers(layers)} are not valid: ${formatIssues(issues)}`);
  }
  if (options.packaged && parsed.data.demo) {
    throw new SiteConfigError(
      `The site policy (${describeLayers(layers)}) marks this site as a demo site. The demo site accepts test NHS numbers and a test clock ` +
        'and is for developer machines only; an installed SONAR will not run as one. Site IT: remove the demo setting.',
    );
  }
  if (options.packaged && siteFilesIn(options.dataDir).includes(SITE_CONFIG_FILE)) {
    options.log(`Ignoring ${dataDirFile}: an installed SONAR takes its site settings from machine policy only.`);
  }
  return { config: parsed.data, origins, createdDemo: false };
}

function createDemoOrRefuse(options: ResolveSiteOptions, dataDirFile: string): ResolvedSite {
  const evidence = siteFilesIn(options.dataDir);
  if (options.keyExists) evidence.push('the database key');
  if (evidence.length > 0) {
    throw new SiteConfigError(
      `The data folder ${options.dataDir} already holds a SONAR site (found: ${evidence.join(', ')}) but its site configuration is missing ` +
        `(no site policy and no ${SITE_CONFIG_FILE}). SONAR will not open that record as the demo site. ` +
        `Restore ${SITE_CONFIG_FILE} from the site's backup or set the site policy, then start SONAR again.`,
    );
  }
  if (!options.createDemoSite) {
    throw new SiteConfigError(`There is no site policy and no site configuration (${dataDirFile}). Site IT provisions it.`);
  }
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const kind = options.demoSite ?? 'custody';
  writeDemoSiteFile(dataDirFile, kind);
  options.log(`Created the demo ${kind === 'prison' ? 'prison' : 'custody suite'} configuration in ${options.dataDir}`);
  const origins = Object.fromEntries(siteSettingNames.map((n) => [n, { kind: 'data-dir-file', name: dataDirFile }])) as Record<SiteSettingName, SettingOrigin>;
  return { config: DEMO_SITES[kind], origins, createdDemo: true };
}
