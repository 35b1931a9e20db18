/**
 * Waits until `check` returns a value other than undefined/false (background jobs run a moment after their
 * transaction commits), polling every `everyMs`; fails with `what` after `timeoutMs`.
 */
export async function eventually<T>(check: () => Promise<T | undefined | false>, what = 'condition', timeoutMs = 20_000, everyMs = 100): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
