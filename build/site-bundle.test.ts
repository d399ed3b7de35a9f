// `npm run dist -- --site CODE --policy FILE`: the site's policy checked with the app's schemas,
// and its .reg form read back through the registry reader to the same settings.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registryLayerFromValues, type RegValue } from '../main/app/policy/registry-policy';
import { readSitePolicy, toRegFile } from './site-bundle';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sonar-bundle-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const POLICY = {
  siteCode: 'HMPLEEDS',
  siteName: 'HMP Leeds "Armley" Healthcare',
  siteType: 'prison',
  idleLockMinutes: 10,
  centralUrl: 'https://central.region.example.nhs.uk',
  caBundle: 'C:\\ProgramData\\SONAR\\region-ca.pem',
  syncEnabled: true,
  proxy: 'http://proxy.trust.example:8080',
  updateMode: 'none',
  templates: ['C:\\ProgramData\\SONAR\\templates\\local-detox.json', 'C:\\ProgramData\\SONAR\\templates\\smoking.json'],
  codeLists: [],
};

function write(json: unknown): string {
  const file = join(dir, 'policy.json');
  writeFileSync(file, JSON.stringify(json));
  return file;
}

/** Reads a .reg file back as reg.exe would show the values. */
function parseReg(text: string): RegValue[] {
  return text
    .split('\r\n')
    .filter((l) => l.startsWith('"'))
    .map((line) => {
      const [, name, raw] = /^"([^"]+)"=(.*)$/.exec(line)!;
      if (raw!.startsWith('dword:')) return { name: name!, type: 'REG_DWORD', data: `0x${Number.parseInt(raw!.slice(6), 16).toString(16)}` };
      if (raw!.startsWith('hex(7):')) {
        const bytes = Buffer.from(raw!.slice(7).split(',').map((h) => Number.parseInt(h, 16)));
        const strings = bytes.toString('utf16le').split('\0').filter(Boolean);
        return { name: name!, type: 'REG_MULTI_SZ', data: strings.join('\\0') };
      }
      return { name: name!, type: 'REG_SZ', data: JSON.parse(raw!) as string };
    });
}

describe('the site policy bundle', () => {
  it('writes a .reg file that the registry reader turns back into the same settings', () => {
    const policy = readSitePolicy(write(POLICY), 'HMPLEEDS');
    const reg = toRegFile(policy);
    expect(reg.startsWith('Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\SONAR]\r\n')).toBe(true);
    expect(reg).toContain('"idleLockMinutes"=dword:0000000a\r\n');
    expect(reg).toContain('"syncEnabled"=dword:00000001\r\n');
    expect(reg).toContain('"caBundle"="C:\\\\ProgramData\\\\SONAR\\\\region-ca.pem"\r\n');
    expect(registryLayerFromValues(parseReg(reg), {}).values).toEqual(POLICY);
  });

  it('refuses a policy for another site, an incomplete one, a demo one, or one with a bad field', () => {
    expect(() => readSitePolicy(write(POLICY), 'HMPWAKE')).toThrow(/is for site HMPLEEDS, not HMPWAKE/);
    expect(() => readSitePolicy(write({ siteCode: 'HMPLEEDS' }), 'HMPLEEDS')).toThrow(/not a complete site policy: siteName/);
    expect(() => readSitePolicy(write({ ...POLICY, demo: true }), 'HMPLEEDS')).toThrow(/demo site/);
    expect(() => readSitePolicy(write({ ...POLICY, proxy: 'proxy:8080' }), 'HMPLEEDS')).toThrow(/proxy/);
  });
});
