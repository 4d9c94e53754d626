/**
 * Entry of the `vanban` command (bundled to dist/cli.js, run by bin/vanban.js):
 * wires the process (argv, stdout, stderr, stdin, exit code) to program.ts.
 */
import type { ExportIo } from './export.ts';
import { readStdin } from './input.ts';
import { main } from './program.ts';

const io: ExportIo = {
  out: (s) => void process.stdout.write(s),
  err: (s) => void process.stderr.write(s),
  stdin: readStdin,
  outBytes: (b) => void process.stdout.write(b),
};

// A reader that closes the pipe early (`vanban check … | head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`vanban: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 70;
  },
);
