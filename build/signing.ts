// Code-signing settings for the Windows build, taken from the environment of the signing machine
// (never from files in the repository): Azure Trusted Signing, or signtool with a certificate on a
// hardware token (selected by thumbprint from the Windows certificate store; the key never leaves
// the token). publisherName must match the certificate's subject exactly: it is what update and
// installer signature checks compare against, so it is required whenever signing is.
import type { Configuration } from 'app-builder-lib';

export class SigningConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SigningConfigError';
  }
}

export type SigningMode = 'azure' | 'signtool' | 'unsigned';

function required(env: NodeJS.ProcessEnv, name: string, why: string): string {
  const value = env[name]?.trim();
  if (!value) throw new SigningConfigError(`${name} is not set (${why}).`);
  return value;
}

/** The part of the builder configuration that signing adds, for the mode SONAR_SIGNING selects. */
export function signingOverlay(env: NodeJS.ProcessEnv): { mode: SigningMode; config: Configuration } {
  const mode = (env.SONAR_SIGNING ?? '').trim();
  if (mode === 'unsigned') {
    // Test benches only: the installer says so by its name, and Windows will warn on it.
    return {
      mode,
      config: {
        win: { forceCodeSigning: false },
        nsis: { artifactName: 'SONAR-Setup-${version}-UNSIGNED.${ext}' },
        msi: { artifactName: 'SONAR-${version}-UNSIGNED.${ext}' },
      },
    };
  }
  const publisherName = required(env, 'SONAR_PUBLISHER_NAME', 'the exact subject CN of the code-signing certificate');
  if (mode === 'azure') {
    return {
      mode,
      config: {
        win: {
          azureSignOptions: {
            publisherName,
            endpoint: required(env, 'SONAR_AZURE_SIGN_ENDPOINT', 'the Trusted Signing account endpoint, e.g. https://weu.codesigning.azure.net'),
            codeSigningAccountName: required(env, 'SONAR_AZURE_SIGN_ACCOUNT', 'the Trusted Signing account name'),
            certificateProfileName: required(env, 'SONAR_AZURE_SIGN_PROFILE', 'the certificate profile name'),
          },
        },
      },
    };
  }
  if (mode === 'signtool') {
    const thumbprint = required(env, 'SONAR_SIGN_CERT_SHA1', 'the thumbprint of the token certificate in the Windows certificate store');
    if (!/^[0-9A-Fa-f]{40}$/.test(thumbprint)) throw new SigningConfigError('SONAR_SIGN_CERT_SHA1 must be the 40-hex-digit certificate thumbprint.');
    return { mode, config: { win: { signtoolOptions: { publisherName, certificateSha1: thumbprint.toUpperCase(), signingHashAlgorithms: ['sha256'] } } } };
  }
  throw new SigningConfigError('SONAR_SIGNING must be "azure", "signtool" or (test benches only) "unsigned".');
}
