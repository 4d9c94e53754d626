// The Node server over stdio runs in a worker thread that reads and writes the
// process's descriptors itself (server/thread.ts, own-stdio.ts). It must behave
// as the server in the main thread did — answers, exit codes, end of input —
// whatever stdin and stdout are: the socket pairs editors and Node give, shell
// pipes (FIFOs), files.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runsInThread, transportOf } from '../../language-server/src/server/thread.ts';
import { ROOT, SERVER } from './client.ts';

describe('where the server runs', () => {
  it.each([
    [['--stdio'], [], undefined, true],
    [['lsp', '--stdio'], [], undefined, true],
    [['--stdio', '--clientProcessId=42'], ['--enable-source-maps'], undefined, true],
    [['--node-ipc'], [], undefined, false],
    [['--socket=6009'], [], undefined, false],
    [['--socket', '6009'], [], undefined, false],
    [['--pipe=/tmp/x.sock'], [], undefined, false],
    [['--node-ipc', '--stdio'], [], undefined, false],
    [[], [], undefined, false],
    [['--stdio'], ['--max-semi-space-size=4'], undefined, false],
    [['--stdio'], ['--max_semi_space_size=4'], undefined, false],
    [['--stdio'], [], '--max-semi-space-size=8', false],
    [['--stdio'], ['--inspect=6009'], undefined, false],
    [['--stdio'], ['--inspect-brk'], undefined, false],
    [['--stdio'], ['--inspect-port=0'], undefined, true],
  ])('args %j, node flags %j, NODE_OPTIONS %j: in a worker thread %s', (args, execArgv, nodeOptions, expected) => {
    expect(runsInThread(args, execArgv, nodeOptions)).toBe(expected);
  });

  it('picks the first transport given, as vscode-languageserver does', () => {
    expect(transportOf(['--stdio', '--node-ipc'])).toBe('stdio');
    expect(transportOf(['--pipe', 'name', '--stdio'])).toBe('pipe');
    expect(transportOf(['--socketx', '--stdio'])).toBe('stdio');
    expect(transportOf(['lsp'])).toBeUndefined();
  });
});

const message = (m: object) => {
  const body = JSON.stringify({ jsonrpc: '2.0', ...m });
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
};
const INITIALIZE = message({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
const SHUTDOWN = message({ id: 2, method: 'shutdown' });
const EXIT = message({ method: 'exit' });

/** The ids of the responses in the server's output. */
function answered(output: string): number[] {
  return [...output.matchAll(/"id":(\d+),"result"/g)].map((m) => Number(m[1]));
}

const dir = mkdtempSync(path.join(tmpdir(), 'vanban-thread-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const shell = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * Runs the server with stdin and stdout of the given kind and `nodeFlags`
 * (`--max-semi-space-size` keeps it in the main thread), writes `input`, and
 * ends stdin when `end` (else the server must end by itself, as after `exit`);
 * its exit code and output.
 */
async function run(kind: 'socket' | 'fifo' | 'file', input: string, end: boolean, nodeFlags: string[], later?: string): Promise<{ status: number | null; output: string }> {
  const inFile = path.join(dir, 'in.txt');
  const outFile = path.join(dir, 'out.txt');
  writeFileSync(inFile, input);
  writeFileSync(outFile, '');
  const server = [process.execPath, ...nodeFlags, SERVER, '--stdio'].map(shell).join(' ');
  // Node's child_process gives a socket pair per stdio 'pipe'. Through bash: `< <(cat)` makes stdin a FIFO
  // fed from ours, `| cat` stdout a FIFO; bash waits for the server, not for the input's `cat`.
  const proc =
    kind === 'socket'
      ? spawn(process.execPath, [...nodeFlags, SERVER, '--stdio'], { cwd: ROOT })
      : spawn('bash', ['-c', kind === 'fifo' ? `${server} < <(cat) | cat > ${shell(outFile)}; exit \${PIPESTATUS[0]}` : `${server} < ${shell(inFile)} > ${shell(outFile)}`], { cwd: ROOT });
  let piped = '';
  proc.stdout!.on('data', (d: Buffer) => (piped += d.toString()));
  const output = () => (kind === 'socket' ? piped : readFileSync(outFile, 'utf8'));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const timeout = setTimeout(() => proc.kill(), 20_000);
  if (kind !== 'file') proc.stdin!.write(input);
  // `later` is written once the server answered every request before it.
  if (later !== undefined) {
    const requests = [...input.matchAll(/"id":/g)].length;
    while (answered(output()).length < requests) await new Promise((r) => setTimeout(r, 20));
    proc.stdin!.write(later);
  }
  if (end || kind === 'file') proc.stdin!.end();
  const status = await exited;
  clearTimeout(timeout);
  proc.stdin!.destroy();
  return { status, output: output() };
}

describe.each([
  ['a socket pair', 'socket'],
  ['shell pipes (FIFOs)', 'fifo'],
  ['files', 'file'],
] as const)('over %s, the server in its thread does what it did in the main thread', (_name, kind) => {
  it.each([
    ['initialize, shutdown, exit', INITIALIZE + SHUTDOWN + EXIT, false],
    ['initialize, exit without shutdown', INITIALIZE + EXIT, false],
    ['initialize, then the end of input', INITIALIZE, true],
    ['initialize, shutdown, then the end of input', INITIALIZE + SHUTDOWN, true],
    ['nothing, then the end of input', '', true],
  ])('%s', async (_what, input, end) => {
    const threaded = await run(kind, input, end, []);
    const inMain = await run(kind, input, end, ['--max-semi-space-size=16']);
    if (kind === 'file') {
      // A file ends at once: whether the messages or the end of input are handled first is a race in either thread.
      expect([0, 1]).toContain(threaded.status);
      expect([0, 1]).toContain(inMain.status);
    } else {
      expect(threaded.status).toBe(inMain.status);
      expect(answered(threaded.output)).toEqual(answered(inMain.output));
    }
  });

  it.skipIf(kind === 'file')('answers initialize and exits with 0 after shutdown, exit', async () => {
    // The shutdown's answer is not written when exit follows at once (in the main thread neither).
    const { status, output } = await run(kind, INITIALIZE + SHUTDOWN + EXIT, false, []);
    expect(status).toBe(0);
    expect(answered(output)[0]).toBe(1);
  });

  it.skipIf(kind === 'file')('answers shutdown when exit comes later', async () => {
    const { status, output } = await run(kind, INITIALIZE + SHUTDOWN, false, [], EXIT);
    expect(status).toBe(0);
    expect(answered(output)).toEqual([1, 2]);
  });

  it.skipIf(kind === 'file')('exits with 1 on exit without shutdown, and when its input ends', async () => {
    expect((await run(kind, INITIALIZE + EXIT, false, [])).status).toBe(1);
    expect((await run(kind, INITIALIZE, true, [])).status).toBe(1);
  });
});
