import { runCli } from './cli.ts';
import { processContext } from './context.ts';

// Entry point of `vinhdanh` (bin/vinhdanh.js) and of `npm run seed`.
process.exitCode = await runCli(process.argv.slice(2), processContext());
