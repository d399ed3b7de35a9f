// The builder configuration, checked offline against electron-builder's own schema (the same
// validation `electron-builder` runs before it downloads anything), with each signing mode laid
// over it as build/dist.ts does; the security fuses declared; the installer identities fixed.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SigningConfigError, signingOverlay } from './signing';

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, '..');
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(key: string, value: unknown): void }): Promise<void>;
};
const { deepAssign } = require('builder-util-runtime') as { deepAssign<T>(target: T, ...objects: unknown[]): T };

const quietLogger = { isEnabled: false, add: () => undefined };
const builderVersion = (require('electron-builder/package.json') as { version: string }).version;

type Config = Record<string, unknown> & {
  electronFuses: Record<string, boolean>;
  win: Record<string, unknown>;
  nsis: Record<string, unknown>;
  msi: Record<string, unknown>;
};

function loadConfig(): Config {
  return parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8'), { uniqueKeys: true, strict: true }) as Config;
}

describe('electron-builder.yml', () => {
  it(`is valid by electron-builder ${builderVersion}'s own schema`, async () => {
    expect(builderVersion).toBe('26.17.0');
    await expect(validateConfiguration(loadConfig(), quietLogger)).resolves.toBeUndefined();
  });

  it('would be caught if it were wrong (the validator is really checking)', async () => {
    const misspelt = { ...loadConfig(), electronFuses: { ...loadConfig().electronFuses, runAsNod: false } };
    await expect(validateConfiguration(misspelt, quietLogger)).rejects.toThrow(/configuration\.electronFuses/);
    const badTarget = { ...loadConfig(), nsis: { ...loadConfig().nsis, perMachine: 'yes' } };
    await expect(validateConfiguration(badTarget, quietLogger)).rejects.toThrow(/configuration\.nsis/);
  });

  it('declares the security fuses', () => {
    expect(loadConfig().electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
    expect(loadConfig().asar).toBe(true); // onlyLoadAppFromAsar needs the archive
  });

  it('builds per-machine NSIS and MSI with identities that never change, and keeps data on uninstall', () => {
    const config = loadConfig();
    expect((config.win.target as Array<{ target: string }>).map((t) => t.target)).toEqual(['nsis', 'msi']);
    expect(config.nsis).toMatchObject({ oneClick: true, perMachine: true, deleteAppDataOnUninstall: false, guid: '9fc3282f-684e-4569-acfd-611834779950' });
    expect(config.msi).toMatchObject({ perMachine: true, upgradeCode: 'e3d9a61b-b815-4355-9e76-567ae40b0265' });
    expect(config.win).toMatchObject({ forceCodeSigning: true, verifyUpdateCodeSignature: true });
    expect(config.npmRebuild).toBe(false);
    expect(readFileSync(join(root, config.nsis.include as string), 'utf8')).toContain('icacls.exe');
  });

  it('holds no signing secret or certificate file', () => {
    const text = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
    for (const field of ['cscLink', 'cscKeyPassword', 'certificateFile', 'certificatePassword', 'certificateSha1', 'azureSignOptions']) {
      expect(text).not.toContain(`${field}:`);
    }
  });
});

describe('signing from the environment (build/signing.ts)', () => {
  const azure = {
    SONAR_SIGNING: 'azure',
    SONAR_PUBLISHER_NAME: 'SONAR Health Ltd',
    SONAR_AZURE_SIGN_ENDPOINT: 'https://weu.codesigning.azure.net',
    SONAR_AZURE_SIGN_ACCOUNT: 'sonar-signing',
    SONAR_AZURE_SIGN_PROFILE: 'sonar-public-trust',
  };
  const token = { SONAR_SIGNING: 'signtool', SONAR_PUBLISHER_NAME: 'SONAR Health Ltd', SONAR_SIGN_CERT_SHA1: 'a'.repeat(40) };

  it.each([
    ['Azure Trusted Signing', azure],
    ['signtool with a token certificate', token],
    ['unsigned (test benches)', { SONAR_SIGNING: 'unsigned' }],
  ])('%s: the merged configuration is valid by the schema', async (_name, env) => {
    const merged = deepAssign({}, loadConfig(), signingOverlay(env).config);
    await expect(validateConfiguration(merged, quietLogger)).resolves.toBeUndefined();
  });

  it('sets publisherName wherever it signs, so update signature checks fail closed', () => {
    expect(signingOverlay(azure).config.win?.azureSignOptions?.publisherName).toBe('SONAR Health Ltd');
    expect(signingOverlay(token).config.win?.signtoolOptions?.publisherName).toBe('SONAR Health Ltd');
  });

  it('names an unsigned test-bench installer as such', () => {
    const { config } = signingOverlay({ SONAR_SIGNING: 'unsigned' });
    expect(config.nsis?.artifactName).toContain('UNSIGNED');
    expect(config.msi?.artifactName).toContain('UNSIGNED');
    expect(config.win?.forceCodeSigning).toBe(false);
  });

  it('refuses to sign without a publisher name, a mode, or a well-formed thumbprint', () => {
    expect(() => signingOverlay({ ...azure, SONAR_PUBLISHER_NAME: '' })).toThrow(/SONAR_PUBLISHER_NAME is not set/);
    expect(() => signingOverlay({})).toThrow(SigningConfigError);
    expect(() => signingOverlay({ ...token, SONAR_SIGN_CERT_SHA1: 'not-a-thumbprint' })).toThrow(/40-hex-digit/);
    expect(() => signingOverlay({ ...azure, SONAR_AZURE_SIGN_PROFILE: undefined })).toThrow(/SONAR_AZURE_SIGN_PROFILE/);
  });
});
