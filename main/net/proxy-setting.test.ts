import { describe, expect, it } from 'vitest';
import { NetError } from './net-error';
import { environmentProxyResolver, parsePacResult, proxyFor } from './proxy-setting';

const central = new URL('https://central.region.nhs.example:8443/v1');

describe('proxyFor', () => {
  it('uses no proxy for "none" and the named proxy for a URL, without asking the system', async () => {
    const system = async () => {
      throw new Error('the system resolver must not be asked');
    };
    expect(await proxyFor('none', central, system)).toBeNull();
    expect((await proxyFor('http://proxy.trust.nhs.example:3128', central, system))?.host).toBe('proxy.trust.nhs.example:3128');
  });

  it('asks the system resolver for "system" and takes its first answer', async () => {
    expect((await proxyFor('system', central, async () => 'PROXY wpad-proxy:8080; DIRECT'))?.href).toBe('http://wpad-proxy:8080/');
    expect(await proxyFor('system', central, async () => 'DIRECT')).toBeNull();
  });

  it('refuses a system proxy SONAR cannot tunnel through, saying what to set instead', () => {
    expect(() => parsePacResult('SOCKS5 socks:1080', central)).toThrow(NetError);
    expect(() => parsePacResult('HTTPS secure-proxy:443', central)).toThrow(/Set proxy in the site policy to http:\/\/host:port/);
  });
});

describe('environmentProxyResolver (the system proxy in plain Node)', () => {
  it('reads HTTPS_PROXY and honours NO_PROXY by domain suffix', async () => {
    const resolve = environmentProxyResolver({ HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'localhost,.nhs.example' });
    expect(await resolve(central)).toBe('DIRECT');
    expect(await resolve(new URL('https://central.elsewhere.example'))).toBe('PROXY proxy:3128');
    expect(await environmentProxyResolver({})(central)).toBe('DIRECT');
    expect(await environmentProxyResolver({ https_proxy: 'proxy:8080' })(central)).toBe('PROXY proxy:8080');
  });
});
