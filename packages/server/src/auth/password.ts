import { availableParallelism } from 'node:os';
import { hash, verify } from '@node-rs/argon2';
import pLimit from 'p-limit';

/** `Algorithm.Argon2id` of @node-rs/argon2 (an ambient const enum, which isolated modules cannot import). */
const ARGON2ID = 2;

/**
 * argon2id with OWASP's second recommended setting (19 MiB memory, 2
 * iterations, 1 lane): ~20 ms on this machine, memory-hard against GPU
 * cracking. Parameters live in the hash string, so they can be raised later
 * without breaking stored passwords. SECURITY.md documents them.
 */
export const passwordParams = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * Password checks at once, at most: each takes 19 MiB and a thread of libuv's
 * pool (4 threads, shared with file reads and DNS). A burst of logins (a
 * street's staff at half past eight) queues here instead of taking every
 * pool thread and 19 MiB more per login. Measured on `linli serve` with the
 * example city: four logins at once took its RSS from ~137 MB to a peak of
 * ~214 MB; two at a time, ~176 MB, and the logins still answered together.
 */
export const PASSWORD_CHECKS_AT_ONCE = Math.max(1, Math.min(2, availableParallelism()));
const checking = pLimit(PASSWORD_CHECKS_AT_ONCE);

export function hashPassword(password: string): Promise<string> {
  return checking(() => hash(password, passwordParams));
}

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) return false;
  try {
    return await checking(() => verify(stored, password));
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

/** Password checks running now (for the test of the bound above). */
export const passwordChecksRunning = (): number => checking.activeCount;
