import { describe, expect, it } from 'vitest';
import { centralUrlSchema, caBundleSchema, proxySettingSchema, siteConfigSchema, siteSettingsLayerSchema } from './site-config';

const ok = (schema: { safeParse(v: unknown): { success: boolean } }, v: unknown) => schema.safeParse(v).success;

describe('site settings schema', () => {
  it.each([
    ['https://central.region.example.nhs.uk', true],
    ['https://127.0.0.1:8443', true],
    ['https://[::1]:8443/sonar', true],
    ['https://central.example/v1/', true],
    ['http://central.example', false],
    ['https://central.example:0', false],
    ['https://central.example:65536', false],
    ['https://user:pass@central.example', false],
    ['https://central.example/?x=1', false],
    ['https://-bad-.example', false],
  ])('centralUrl %s -> %s', (url, expected) => expect(ok(centralUrlSchema, url)).toBe(expected));

  it.each([
    ['none', true],
    ['system', true],
    ['http://proxy.trust.example:3128', true],
    ['http://10.0.0.1:8080/', true],
    ['http://proxy.trust.example', false], // the port is required
    ['https://proxy:443', false],
    ['socks5://proxy:1080', false],
    ['http://user:pw@proxy:8080', false],
    ['System', false],
  ])('proxy %s -> %s', (value, expected) => expect(ok(proxySettingSchema, value)).toBe(expected));

  it.each([
    ['C:\\ProgramData\\SONAR\\ca.pem', true],
    ['\\\\server\\share\\ca.pem', true],
    ['/etc/sonar/ca.pem', true],
    ['-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n', true],
    ['ca.pem', false],
    ['-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n', false],
  ])('caBundle %j -> %s', (value, expected) => expect(ok(caBundleSchema, value)).toBe(expected));

  it('fills defaults, and needs a central and its CA when sync is on', () => {
    const base = { siteCode: 'ABC123', siteName: 'A site', siteType: 'custody' };
    expect(siteConfigSchema.parse(base)).toMatchObject({ schemaVersion: 1, demo: false, idleLockMinutes: 5, syncEnabled: false, proxy: 'system', updateMode: 'none', templates: [], codeLists: [] });
    const sync = siteConfigSchema.safeParse({ ...base, syncEnabled: true });
    expect(sync.success).toBe(false);
    expect(sync.error?.issues.map((i) => i.path.join('.'))).toEqual(['centralUrl', 'caBundle']);
  });

  it('a layer may hold any subset but nothing unknown, and fills no defaults (so a lower layer is not overridden)', () => {
    expect(siteSettingsLayerSchema.parse({ idleLockMinutes: 10 })).toEqual({ idleLockMinutes: 10 });
    expect(siteSettingsLayerSchema.safeParse({ siteCode: 'ABC123', centralURL: 'https://x.example' }).success).toBe(false);
  });
});
