#!/usr/bin/env node
// Runs the TypeScript CLI straight from the checkout through tsx, so `npx plp-studio` needs no
// build step. Errors in the loader itself still end in one line and exit code 2.
import { register } from 'tsx/esm/api';

try {
  register();
  await import('../electron/cli/entry.ts');
} catch (error) {
  process.stderr.write(`plp-studio: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
