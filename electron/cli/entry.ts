/** Process entry of the CLI: real stdout/stderr, real exit code. */
import { runCli } from './main';

const code = await runCli(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(line + '\n'),
  stderr: (line) => process.stderr.write(line + '\n'),
  cwd: process.cwd(),
});
process.exitCode = code;
