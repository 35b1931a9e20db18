import type { Args } from './args.ts';
import type { CliContext } from './context.ts';

/** One CLI command: add an entry to `COMMANDS` in cli.ts to add a command. */
export interface Command {
  name: string;
  usage: string;
  summary: string;
  /** Flags that take no value. */
  booleans?: readonly string[];
  /** Returns the process exit code. */
  run(args: Args, ctx: CliContext): Promise<number>;
}
