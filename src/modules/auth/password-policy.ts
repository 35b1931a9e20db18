import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { AppError } from '../../shared/errors.ts';
import { foldVietnamese } from '../../shared/vietnamese.ts';
import { verifyPassword } from './passwords.ts';

export const PASSWORD_MIN_LENGTH = 10;
/** zxcvbn's score 3: "safely unguessable" (about 10^8 guesses and more), the usual bar for accounts behind throttling. */
export const PASSWORD_MIN_SCORE = 3;

export type PasswordWeakness = 'too_short' | 'guessable' | 'contains_username' | 'reused';

export interface PasswordContext {
  /** The account's username and display name: a password built from them is easy to guess. */
  username?: string;
  displayName?: string;
  /** The stored hash of the current password: the new one must differ (change and reset). */
  currentHash?: string;
  /** The request field the password came in, named in the error. */
  field?: string;
}

// The dictionaries are about 1 MB of JavaScript: loaded on the first check, never at start-up (and never in the web app).
let estimator: Promise<ZxcvbnFactory> | null = null;
function loadEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= (async () => {
    const [{ ZxcvbnFactory }, common] = await Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]);
    return new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
  })();
  return estimator;
}

/** Words of the account and of the product that a guesser tries first (with and without Vietnamese marks). */
function userInputs(ctx: PasswordContext): string[] {
  const words = [ctx.username ?? '', ctx.displayName ?? '', 'vinhdanh', 'vinh danh', 'thi đua khen thưởng'];
  // Whole, joined ("nguyenvanhung") and word by word, with and without marks.
  const parts = words.flatMap((w) => [w, w.replace(/[\s._-]+/g, ''), ...w.split(/[\s._-]+/)]).flatMap((w) => [w.toLowerCase(), foldVietnamese(w)]);
  return [...new Set(parts.filter((w) => w.length >= 3))];
}

/** The first reason a password is refused, or null when it is acceptable (the reuse check is separate: it needs the hash). */
export async function passwordWeakness(password: string, ctx: PasswordContext = {}): Promise<PasswordWeakness | null> {
  if (password.length < PASSWORD_MIN_LENGTH) return 'too_short';
  const username = ctx.username?.trim().toLowerCase();
  if (username && username.length >= 3 && password.toLowerCase().includes(username)) return 'contains_username';
  // zxcvbn's work grows with the length; past 100 characters the first 100 decide (a long password is not short of entropy).
  const result = (await loadEstimator()).check(password.slice(0, 100), userInputs(ctx));
  return result.score < PASSWORD_MIN_SCORE ? 'guessable' : null;
}

/**
 * Refuses a password that is short, guessable, contains the username or repeats the current one.
 * @throws AppError PASSWORD_TOO_WEAK { field, reason, min }
 */
export async function assertStrongPassword(password: string, ctx: PasswordContext = {}): Promise<void> {
  const field = ctx.field ?? 'newPassword';
  const weakness = await passwordWeakness(password, ctx);
  if (weakness) throw new AppError('PASSWORD_TOO_WEAK', { field, reason: weakness, min: PASSWORD_MIN_LENGTH });
  if (ctx.currentHash && (await verifyPassword(ctx.currentHash, password))) {
    throw new AppError('PASSWORD_TOO_WEAK', { field, reason: 'reused', min: PASSWORD_MIN_LENGTH });
  }
}
