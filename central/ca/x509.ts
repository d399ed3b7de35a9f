// @peculiar/x509 reads TypeScript decorator metadata and needs a WebCrypto provider; both must be
// set up before any certificate is parsed or made. Every module of the central record that touches
// certificates imports x509 from here, never from the package directly.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

export { x509 };
