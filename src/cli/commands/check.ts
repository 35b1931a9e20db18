import { readFile } from 'node:fs/promises';
import { ZodError } from 'zod';
import { SETTING_DEFS, type Settings, settingValueProblem } from '../../modules/catalogue/settings.ts';
import { EligibilityError, checkEligibility } from '../../modules/rules/engine.ts';
import { checkLaw } from '../../modules/rules/law-check.ts';
import type { Command } from '../command.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Names the field and the rule of each Zod problem, e.g. "years.0.rating: Invalid option …". */
function describeZod(error: ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`).join('\n  ');
}

async function settingsFrom(path: string | undefined): Promise<Partial<Settings>> {
  if (!path) return {};
  const raw = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  const out: Partial<Settings> = {};
  for (const [key, value] of Object.entries(raw)) {
    const def = SETTING_DEFS.find((d) => d.key === key);
    if (!def) throw new Error(`unknown setting "${key}"`);
    const problem = settingValueProblem(def, value);
    if (problem) throw new Error(`setting "${key}": ${problem}`);
    out[key] = value as Settings[string];
  }
  return out;
}

/**
 * `vinhdanh check FILE.json|-`: the eligibility contract on the command line. Prints the result JSON and exits 0;
 * exits 2 with a message naming the field on invalid input. Uses the default settings, or `--settings FILE.json`
 * (the CLI does not open the database, so it never competes with a running server for the PGlite directory).
 */
export const checkCommand: Command = {
  name: 'check',
  usage: 'check FILE.json|- [--settings SETTINGS.json]',
  summary: 'Xét điều kiện khen thưởng theo hợp đồng eligibility-input (check eligibility); in JSON kết quả',
  run: async (args, ctx) => {
    const file = args.positional[0];
    if (!file) {
      ctx.err('check: give a JSON file or - for standard input');
      return 2;
    }
    let text: string;
    try {
      text = file === '-' ? await (ctx.stdin ?? readStdin)() : await readFile(file, 'utf8');
    } catch (error) {
      ctx.err(`check: cannot read ${file}: ${(error as Error).message}`);
      return 2;
    }
    let input: unknown;
    try {
      input = JSON.parse(text);
    } catch (error) {
      ctx.err(`check: ${file} is not valid JSON: ${(error as Error).message}`);
      return 2;
    }
    try {
      checkLaw(); // a mistake in the law's data is named with its file and line, not met halfway through a check
      const settings = await settingsFrom(typeof args.options.get('settings') === 'string' ? (args.options.get('settings') as string) : undefined);
      const result = checkEligibility(input as Parameters<typeof checkEligibility>[0], { settings });
      ctx.out(JSON.stringify(result, null, 2));
      return 0;
    } catch (error) {
      if (error instanceof ZodError) ctx.err(`check: invalid input:\n  ${describeZod(error)}`);
      else if (error instanceof EligibilityError) ctx.err(`check: ${error.message}`);
      else ctx.err(`check: ${(error as Error).message}`);
      return 2;
    }
  },
};
