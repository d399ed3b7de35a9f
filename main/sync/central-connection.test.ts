import { describe, expect, it } from 'vitest';
import type { SiteConfig } from '../../contract/site-config';
import { connectToCentral } from './central-connection';

const site: SiteConfig = {
  schemaVersion: 1,
  siteCode: 'CUST01',
  siteName: 'Custody',
  siteType: 'custody',
  demo: false,
  idleLockMinutes: 5,
  syncEnabled: true,
  centralUrl: 'https://central.example.nhs.uk',
  caBundle: '/etc/sonar/region-ca.pem',
  proxy: 'none',
  updateMode: 'none',
  templates: [],
  codeLists: [],
  alcoholQuestions: 'uk',
};
const noProxy = async () => 'DIRECT';

describe('connecting a site to its central record', () => {
  it('says so when sync is off, when the site has no certificate yet, and when the CA bundle cannot be read', async () => {
    expect(await connectToCentral({ ...site, syncEnabled: false }, { active: () => null }, noProxy)).toMatchObject({ ok: false, reason: 'sync_off' });
    expect(await connectToCentral(site, { active: () => null }, noProxy)).toMatchObject({ ok: false, reason: 'not_provisioned', message: expect.stringMatching(/no certificate yet: site IT runs provisioning/) });
    const withIdentity = { active: () => ({ keyPem: 'key', certPem: 'cert' }) };
    expect(await connectToCentral({ ...site, caBundle: '/nonexistent/ca.pem' }, withIdentity, noProxy)).toMatchObject({ ok: false, reason: 'misconfigured', message: expect.stringMatching(/could not be read/) });
    const { centralUrl: _url, ...noUrl } = site;
    expect(await connectToCentral(noUrl as SiteConfig, withIdentity, noProxy)).toMatchObject({ ok: false, reason: 'misconfigured' });
  });
});
