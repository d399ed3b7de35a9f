// argon2id at the OWASP floor: 19 MiB, t=2, p=1.
import { hash, verify, type Options } from '@node-rs/argon2';

/** Algorithm.Argon2id: the package declares a const enum, which isolated modules cannot inline. */
const ARGON2ID = 2 as Options['algorithm'];
const PARAMS: Options = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, PARAMS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** Verified against when the username is unknown, so timing does not tell which usernames exist. */
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('not a real password, never matches');
  return decoy;
}
