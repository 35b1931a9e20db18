import { describe, expect, it } from 'vitest';
import { parseArgs, stringOption } from './args.ts';

describe('parseArgs', () => {
  it('reads values, = values, flags and positional words', () => {
    const args = parseArgs(['--people', '500', '--force', '--unit=HN', 'extra'], ['force']);
    expect(stringOption(args, 'people')).toBe('500');
    expect(args.options.get('force')).toBe(true);
    expect(stringOption(args, 'unit')).toBe('HN');
    expect(args.positional).toEqual(['extra']);
  });

  it('does not let a boolean flag swallow the next word', () => {
    const args = parseArgs(['--generate', 'x'], ['generate']);
    expect(args.options.get('generate')).toBe(true);
    expect(args.positional).toEqual(['x']);
  });
});
