// Child for the kill test: saves A and B alternately, forever, until the parent SIGKILLs it.
// Writes "ready\n" once, then "." after each completed save.
import { writeFileAtomic } from '../../../electron/services/files/atomic-write';
import { makePayload } from './kill-payloads';

const target = process.argv[2];
if (!target) throw new Error('usage: kill-child <target> <first-version-index>');
const payloads = [makePayload('A'), makePayload('B')] as const;
let next = Number(process.argv[3] ?? 0);

process.stdout.write('ready\n');
for (;;) {
  await writeFileAtomic(target, payloads[next % 2]!);
  next++;
  process.stdout.write('.');
}
