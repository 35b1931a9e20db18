import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id of @node-rs/argon2 (an ambient const enum, which type stripping cannot read).
const ARGON2ID = 2;

// OWASP's argon2id baseline (19 MiB, 2 passes); tests lower the cost through ARGON2_FAST.
const COST = process.env.ARGON2_FAST === '1' ? { memoryCost: 1024, timeCost: 1 } : { memoryCost: 19_456, timeCost: 2 };

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID, parallelism: 1, ...COST });
}

/** Verifies a password against a stored hash; false on any malformed hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A strong random password (for `create-admin` and password resets). */
export function generatePassword(): string {
  const raw = randomBytes(18).toString('base64url');
  return `${raw.slice(0, 20)}7a`;
}
