// Which site a PC belongs to: registry policy over the machine file over the data directory's own
// file, field by field; a packaged build from machine policy only; every bad source failing
// closed with the field named; the demo site only into a data directory that never held a site.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SITE_CONFIG_FILE } from '../site-config-file';
import { POLICY_KEY, type RegRunner } from './registry-policy';
import { SitePolicyMissingError, platformPolicySources, resolveSiteSettings, type PolicySources } from './resolve-site-settings';
import { demoSiteKind } from '../site-config-file';
import { defaultDataDir } from '../data-dir';
import type { SettingsLayer } from './settings-layer';

let root: string;
let dataDir: string;
let machineFile: string;
const logs: string[] = [];

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'sonar-policy-'));
  dataDir = join(root, 'data');
  mkdirSync(join(root, 'etc'), { mode: 0o755 });
  chmodSync(join(root, 'etc'), 0o755);
  machineFile = join(root, 'etc', 'site.json');
  logs.length = 0;
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function writeMachine(json: unknown): void {
  writeFileSync(machineFile, typeof json === 'string' ? json : JSON.stringify(json), { mode: 0o644 });
  chmodSync(machineFile, 0o644);
}
function writeDataDirFile(json: unknown): void {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, SITE_CONFIG_FILE), JSON.stringify(json));
}
function sources(registry: SettingsLayer['values'] | null = null): PolicySources {
  return {
    readRegistry: () => (registry ? { source: { kind: 'registry', name: POLICY_KEY }, values: registry } : null),
    machineFile,
    platform: 'linux',
  };
}
function resolve(opts: { policy?: PolicySources; packaged?: boolean; createDemoSite?: boolean; keyExists?: boolean } = {}) {
  return resolveSiteSettings({
    dataDir,
    policy: opts.policy ?? sources(),
    packaged: opts.packaged ?? false,
    createDemoSite: opts.createDemoSite ?? true,
    keyExists: opts.keyExists ?? false,
    log: (m) => logs.push(m),
  });
}
function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
}

const SITE = { siteCode: 'HMPLEEDS', siteName: 'HMP Leeds Healthcare', siteType: 'prison' } as const;

describe('precedence', () => {
  it('takes each setting from the highest source that sets it, and says where it came from', () => {
    writeMachine({ ...SITE, siteName: 'From the file', idleLockMinutes: 10, proxy: 'http://proxy.nhs.example:8080' });
    writeDataDirFile({ siteCode: 'OTHER', idleLockMinutes: 30, updateMode: 'start' });
    const { config, origins } = resolve({ policy: sources({ siteName: 'From the registry', syncEnabled: false }) });
    expect(config).toMatchObject({
      siteCode: 'HMPLEEDS', // machine file over the data directory
      siteName: 'From the registry', // registry over the machine file
      idleLockMinutes: 10,
      proxy: 'http://proxy.nhs.example:8080',
      updateMode: 'start', // set only by the data-directory file (developer machine)
      demo: false,
      syncEnabled: false,
    });
    expect(origins.siteName).toEqual({ kind: 'registry', name: POLICY_KEY });
    expect(origins.siteCode).toEqual({ kind: 'machine-file', name: machineFile });
    expect(origins.updateMode).toEqual({ kind: 'data-dir-file', name: join(dataDir, SITE_CONFIG_FILE) });
    expect(origins.codeLists).toBe('default');
  });

  it('reads the registry through reg.exe on Windows and not at all elsewhere', () => {
    let calls = 0;
    const run: RegRunner = () => {
      calls++;
      return { status: 0, stdout: '\r\n    siteCode    REG_SZ    CUSTODY1\r\n    siteName    REG_SZ    Leeds Custody\r\n    siteType    REG_SZ    custody\r\n', stderr: '' };
    };
    const win = { ...platformPolicySources('win32', { ProgramData: 'C:\\ProgramData' }, run), machineFile };
    expect(win.readRegistry()?.values.siteCode).toBe('CUSTODY1');
    expect(platformPolicySources('win32', { ProgramData: 'D:\\PD' }, run).machineFile).toBe('D:\\PD\\SONAR\\site.json');
    const linux = platformPolicySources('linux', {}, run);
    expect(linux.readRegistry()).toBeNull();
    expect(linux.machineFile).toBe('/etc/sonar/site.json');
    expect(calls).toBe(1);
  });

  it('defaults: no sync, the system proxy, never updating itself, five-minute idle lock', () => {
    writeMachine(SITE);
    const { config } = resolve();
    expect(config).toMatchObject({ syncEnabled: false, proxy: 'system', updateMode: 'none', idleLockMinutes: 5, templates: [], codeLists: [] });
  });
});

describe('failing closed, naming the field', () => {
  it('a machine file that is not JSON', () => {
    writeMachine('{ "siteCode": "HMPLEEDS", ');
    expect(errorOf(() => resolve())).toMatch(new RegExp(`^The site policy file ${machineFile} is not valid JSON`));
  });

  it('a wrong value and an unknown setting in the machine file', () => {
    writeMachine({ ...SITE, siteType: 'hospital', centralURL: 'https://x' });
    const message = errorOf(() => resolve());
    expect(message).toContain(`The site policy file ${machineFile} is not valid`);
    expect(message).toContain('siteType:');
    expect(message).toContain('centralURL: not a SONAR site setting');
  });

  it('a proxy that is not none, system or http://host:port; a central that is not https', () => {
    writeMachine({ ...SITE, proxy: 'socks5://p:1080', centralUrl: 'http://central.example' });
    const message = errorOf(() => resolve());
    expect(message).toContain('proxy must be "none", "system" or http://host:port');
    expect(message).toContain('centralUrl must be an https:// address');
  });

  it('settings that are complete in no source: the missing field is named', () => {
    writeMachine({ siteName: 'No code', siteType: 'custody' });
    expect(errorOf(() => resolve())).toMatch(/are not valid: siteCode: missing/);
  });

  it('sync switched on without a central to sync with', () => {
    writeMachine({ ...SITE, syncEnabled: true });
    const message = errorOf(() => resolve());
    expect(message).toContain('centralUrl: centralUrl is required when syncEnabled is true');
    expect(message).toContain('caBundle: caBundle is required when syncEnabled is true');
  });

  it('a machine policy file any user could change', () => {
    writeMachine(SITE);
    chmodSync(machineFile, 0o666);
    expect(errorOf(() => resolve())).toMatch(/can be changed by users other than its owner/);
    chmodSync(machineFile, 0o644);
    chmodSync(join(root, 'etc'), 0o777);
    expect(errorOf(() => resolve())).toMatch(/can be changed by users other than its owner/);
  });

  it('nothing is created in the data directory when the settings are refused', () => {
    writeMachine({ ...SITE, idleLockMinutes: 0 });
    expect(() => resolve()).toThrow(/idleLockMinutes/);
    expect(existsSync(dataDir)).toBe(false);
  });
});

describe('a packaged (installed) build', () => {
  it('without site policy refuses with the message for IT and creates nothing', () => {
    const error = (() => {
      try {
        resolve({ packaged: true });
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(SitePolicyMissingError);
    expect((error as Error).message).toContain('SONAR has no site policy on this computer');
    expect((error as Error).message).toContain(`Site IT: set the site policy in the file ${machineFile}`);
    expect((error as Error).message).toContain('No database was created');
    expect(existsSync(dataDir)).toBe(false);
  });

  it('on Windows names both the registry key and the file', () => {
    const run: RegRunner = (args) =>
      args[1] === POLICY_KEY ? { status: 1, stdout: '', stderr: 'not found' } : { status: 0, stdout: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\r\n', stderr: '' };
    const policy = { ...platformPolicySources('win32', {}, run), machineFile };
    expect(errorOf(() => resolve({ packaged: true, policy }))).toContain(`the registry key ${POLICY_KEY} (Group Policy or Intune) or the file ${machineFile}`);
  });

  it('never writes the demo site, even into an empty data directory', () => {
    expect(() => resolve({ packaged: true, createDemoSite: true })).toThrow(SitePolicyMissingError);
    expect(existsSync(join(dataDir, SITE_CONFIG_FILE))).toBe(false);
  });

  it('ignores the data directory file: a user cannot point an installed site at another central', () => {
    writeMachine(SITE);
    writeDataDirFile({ centralUrl: 'https://elsewhere.example', caBundle: '/tmp/ca.pem', syncEnabled: true, demo: true });
    const { config } = resolve({ packaged: true });
    expect(config.centralUrl).toBeUndefined();
    expect(config.syncEnabled).toBe(false);
    expect(config.demo).toBe(false);
    expect(logs.join('\n')).toMatch(/Ignoring .*sonar\.config\.json/);
  });

  it('refuses policy that makes it a demo site', () => {
    writeMachine({ ...SITE, demo: true });
    expect(errorOf(() => resolve({ packaged: true }))).toMatch(/demo site .* for developer machines only/);
  });
});

describe('the demo site (developer machines)', () => {
  it('is written into a data directory that never held a site', () => {
    const resolved = resolve();
    expect(resolved.createdDemo).toBe(true);
    expect(resolved.config.demo).toBe(true);
    expect(readdirSync(dataDir)).toEqual([SITE_CONFIG_FILE]);
    // The next start reads it back as an ordinary data-directory file.
    expect(resolve().createdDemo).toBe(false);
  });

  it.each([['sonar.db'], ['sonar.db-wal'], ['db.key'], ['db.key.safe'], ['site-tls.crt']])(
    'is refused when the data directory holds %s but no site configuration',
    (file) => {
      mkdirSync(dataDir);
      writeFileSync(join(dataDir, file), 'x');
      const message = errorOf(() => resolve());
      expect(message).toContain(`already holds a SONAR site (found: ${file})`);
      expect(message).toContain('will not open that record as the demo site');
      expect(readdirSync(dataDir)).toEqual([file]);
    },
  );

  it('is refused when the key store (kept elsewhere) already holds a key', () => {
    expect(errorOf(() => resolve({ keyExists: true }))).toContain('found: the database key');
    expect(existsSync(dataDir)).toBe(false);
  });

  it('is not written when the caller does not ask for it', () => {
    expect(errorOf(() => resolve({ createDemoSite: false }))).toMatch(/no site policy and no site configuration/);
  });
});

describe('the demo prison (SONAR_DEMO=prison)', () => {
  it('is written into an empty data directory when asked for, as a prison demo site', () => {
    const resolved = resolveSiteSettings({ dataDir, policy: sources(), packaged: false, createDemoSite: true, keyExists: false, demoSite: 'prison', log: (m) => logs.push(m) });
    expect(resolved.config).toMatchObject({ siteCode: 'DEMOPR1', siteType: 'prison', demo: true });
    expect(logs.join('\n')).toContain('Created the demo prison configuration');
    expect(resolve().config.siteType).toBe('prison');
  });

  it('SONAR_DEMO takes custody or prison only, and gives the demo prison a data folder of its own', () => {
    expect(demoSiteKind({})).toBe('custody');
    expect(demoSiteKind({ SONAR_DEMO: 'prison' })).toBe('prison');
    expect(() => demoSiteKind({ SONAR_DEMO: 'jail' })).toThrow(/custody" or "prison/);
    expect(defaultDataDir({ XDG_DATA_HOME: '/data' }, 'linux')).toBe('/data/sonar');
    expect(defaultDataDir({ XDG_DATA_HOME: '/data', SONAR_DEMO: 'prison' }, 'linux')).toBe('/data/sonar-demo-prison');
    expect(defaultDataDir({ XDG_DATA_HOME: '/data', SONAR_DEMO: 'prison', SONAR_DATA_DIR: '/mine' }, 'linux')).toBe('/mine');
  });
});
