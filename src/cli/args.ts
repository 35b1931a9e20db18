/** Parsed command-line options: `--name value`, `--name=value` and bare `--flag`. */
export interface Args {
  options: Map<string, string | true>;
  positional: string[];
}

/**
 * Parses flags; a flag named in `booleans` never takes the next word as its value.
 * @example parseArgs(['--people', '500', '--force'], ['force']).options.get('people') // '500'
 */
export function parseArgs(argv: string[], booleans: readonly string[] = []): Args {
  const options = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    if (eq > 0) {
      options.set(arg.slice(2, eq), arg.slice(eq + 1));
    } else if (booleans.includes(arg.slice(2)) || i + 1 >= argv.length || argv[i + 1].startsWith('--')) {
      options.set(arg.slice(2), true);
    } else {
      options.set(arg.slice(2), argv[++i]);
    }
  }
  return { options, positional };
}

/** A string option, or the fallback. */
export function stringOption(args: Args, name: string, fallback?: string): string | undefined {
  const v = args.options.get(name);
  return typeof v === 'string' ? v : fallback;
}
