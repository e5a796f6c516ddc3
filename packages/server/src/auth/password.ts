import { hash, verify } from '@node-rs/argon2';

/** `Algorithm.Argon2id` of @node-rs/argon2 (an ambient const enum, which isolated modules cannot import). */
const ARGON2ID = 2;

/**
 * argon2id with OWASP's second recommended setting (19 MiB memory, 2
 * iterations, 1 lane): ~20 ms on this machine, memory-hard against GPU
 * cracking. Parameters live in the hash string, so they can be raised later
 * without breaking stored passwords. SECURITY.md documents them.
 */
export const passwordParams = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, passwordParams);
}

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) return false;
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the username is unknown, so timing does not tell which usernames exist. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('not-a-real-password');
  return dummy;
}
