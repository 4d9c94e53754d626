/** Runs the `vanban` command in this process (program.ts) with captured output. */
import { main } from '../../language-server/src/cli/program.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: readonly string[], stdin: Uint8Array | string = ''): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const bytes = typeof stdin === 'string' ? new TextEncoder().encode(stdin) : stdin;
  const code = await main(argv, {
    out: (s) => void (stdout += s),
    err: (s) => void (stderr += s),
    stdin: async () => bytes,
  });
  return { code, stdout, stderr };
}
