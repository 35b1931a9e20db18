/** Prints one benchmark figure in the one format scripts parse: `bench: NAME VALUE UNIT`. */
export function report(name: string, value: number, unit: string): void {
  process.stdout.write(`bench: ${name} ${Number(value.toFixed(value < 10 ? 2 : 1))} ${unit}\n`);
}

/** Notes for people (stderr, so they never mix with the figures). */
export function note(message: string): void {
  process.stderr.write(`  ${message}\n`);
}

/** The p-th percentile (0–100) of a list of numbers, nearest-rank. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
