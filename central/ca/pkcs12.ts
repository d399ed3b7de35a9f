// A governance lead's key and certificate as one PKCS#12 file a browser (or the operating system's
// certificate store) imports, protected by a password: the key in a shrouded key bag and the
// certificates (the lead's and the region CA's) in an encrypted safe, both with PBES2 (PBKDF2 with
// HMAC-SHA-256, AES-256-CBC), and the whole file under a SHA-256 MAC. No legacy ciphers (RC2,
// 3DES), which OpenSSL 3 and so Node refuse by default. Built with PKI.js on Node's Web Crypto.
import { randomBytes, randomInt, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { x509 } from './x509';

const engine = new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto });

/** PBKDF2 rounds for the key and the certificates, and for the MAC. */
export const PKCS12_ITERATIONS = 100_000;

const FRIENDLY_NAME = '1.2.840.113549.1.9.20';
const LOCAL_KEY_ID = '1.2.840.113549.1.9.21';
const KEY_BAG = '1.2.840.113549.1.12.10.1.2';
const CERT_BAG = '1.2.840.113549.1.12.10.1.3';
const X509_CERT = '1.2.840.113549.1.9.22.1';

function der(pem: string): ArrayBuffer {
  const block = x509.PemConverter.decode(pem)[0];
  if (!block) throw new Error('no PEM block');
  return block;
}

const ascii = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;

export interface Pkcs12Input {
  keyPem: string;
  certPem: string;
  caPem: string;
  /** The name the browser's certificate list shows. */
  friendlyName: string;
  password: string;
}

export async function pkcs12Bundle(input: Pkcs12Input): Promise<Buffer> {
  const password = ascii(input.password);
  const localKeyId = new Uint8Array(randomBytes(20)).buffer;
  const attributes = (name: string | null) => [
    ...(name ? [new pkijs.Attribute({ type: FRIENDLY_NAME, values: [new asn1js.BmpString({ value: name })] })] : []),
    new pkijs.Attribute({ type: LOCAL_KEY_ID, values: [new asn1js.OctetString({ valueHex: localKeyId })] }),
  ];
  const certBag = (pem: string, name: string | null, own: boolean) =>
    new pkijs.SafeBag({
      bagId: CERT_BAG,
      bagValue: new pkijs.CertBag({ certId: X509_CERT, parsedValue: pkijs.Certificate.fromBER(der(pem)) }),
      ...(own ? { bagAttributes: attributes(name) } : {}),
    });
  const keyBag = new pkijs.SafeBag({
    bagId: KEY_BAG,
    bagValue: new pkijs.PKCS8ShroudedKeyBag({ parsedValue: pkijs.PrivateKeyInfo.fromBER(der(input.keyPem)) }),
    bagAttributes: attributes(input.friendlyName),
  });
  const pfx = new pkijs.PFX({
    parsedValue: {
      integrityMode: 0,
      authenticatedSafe: new pkijs.AuthenticatedSafe({
        parsedValue: {
          safeContents: [
            { privacyMode: 0, value: new pkijs.SafeContents({ safeBags: [keyBag] }) },
            { privacyMode: 1, value: new pkijs.SafeContents({ safeBags: [certBag(input.certPem, input.friendlyName, true), certBag(input.caPem, null, false)] }) },
          ],
        },
      }),
    },
  });
  const encryption = { password, contentEncryptionAlgorithm: { name: 'AES-CBC', length: 256 } as pkijs.ContentEncryptionAlgorithm, hmacHashAlgorithm: 'SHA-256', iterationCount: PKCS12_ITERATIONS };
  await (keyBag.bagValue as pkijs.PKCS8ShroudedKeyBag).makeInternalValues(encryption, engine);
  await pfx.parsedValue!.authenticatedSafe!.makeInternalValues({ safeContents: [{}, encryption] }, engine);
  await pfx.makeInternalValues({ password, iterations: PKCS12_ITERATIONS, pbkdf2HashAlgorithm: { name: 'SHA-256' }, hmacHashAlgorithm: 'SHA-256' }, engine);
  return Buffer.from(pfx.toSchema().toBER(false));
}

/** A password for the file: 20 characters a person can read out and type (no 0/O, 1/l/I). */
export function newPkcs12Password(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const chars = Array.from({ length: 20 }, () => alphabet[randomInt(alphabet.length)]);
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join('')).join('-');
}
