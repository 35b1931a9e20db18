#!/usr/bin/env node
// Runs the TypeScript CLI under the Node that runs this file: Node >= 24 strips types natively,
// so no build step is needed. `npx vinhdanh …` inside the project uses the pinned Node 24.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(`vinhdanh needs Node.js 24 or later (this is ${process.version}); run it through npx or npm scripts.\n`);
  process.exit(1);
}
await import('../src/cli/vinhdanh.ts');
