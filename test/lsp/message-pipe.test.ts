// The server's stdout over a pipe (server/own-stdio.ts MessagePipe) writes each LSP message in one write: the header
// vscode-jsonrpc writes first is held and sent with the body; the bytes the editor reads are the same.
import net from 'node:net';
import { execFileSync } from 'node:child_process';
import { constants, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MessagePipe } from '../../language-server/src/server/own-stdio.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'vanban-pipe-'));
afterEach(() => vi.restoreAllMocks());

/**
 * A MessagePipe on the write end of a FIFO, as the server's stdout is when an editor spawns it (a socket made from
 * a descriptor); `received` resolves with everything written once it ends.
 */
function connected(): { pipe: MessagePipe; received: Promise<Buffer> } {
  const fifo = path.join(dir, `f${Math.random().toString(36).slice(2)}`);
  execFileSync('mkfifo', [fifo]);
  const reader = new net.Socket({ fd: openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK), readable: true, writable: false });
  const pipe = new MessagePipe({ fd: openSync(fifo, 'w'), readable: false, writable: true });
  const chunks: Buffer[] = [];
  reader.on('data', (d: Buffer) => chunks.push(d));
  const received = new Promise<Buffer>((resolve) => reader.on('end', () => resolve(Buffer.concat(chunks))));
  return { pipe, received };
}

const write = (pipe: MessagePipe, chunk: string | Buffer, encoding?: BufferEncoding) =>
  new Promise<void>((resolve, reject) => {
    const done = (e?: Error | null) => (e ? reject(e) : resolve());
    if (encoding) pipe.write(chunk, encoding, done);
    else pipe.write(chunk, done);
  });

describe('MessagePipe', () => {
  it('sends a message header with the body after it in one write, the bytes unchanged', async () => {
    const { pipe, received } = connected();
    // What reaches the socket: one call of the stream's _write per write.
    const writes = vi.spyOn(pipe as unknown as { _write: (...args: unknown[]) => void }, '_write');
    const messages = [{ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a', diagnostics: [{ message: 'Điều 3 không có khoản 4' }] } }, { jsonrpc: '2.0', id: 1, result: null }];
    let expected = '';
    for (const m of messages) {
      // As vscode-jsonrpc does: the header (ASCII), waited for, then the body as a buffer.
      const body = Buffer.from(JSON.stringify(m), 'utf8');
      const header = `Content-Length: ${body.byteLength}\r\n\r\n`;
      await write(pipe, header, 'ascii');
      await write(pipe, body);
      expected += header + body.toString('utf8');
    }
    expect(writes).toHaveBeenCalledTimes(messages.length);
    // Anything else goes out as it comes, in its encoding.
    await write(pipe, 'not a header\n', 'utf8');
    await write(pipe, Buffer.from('bytes'));
    expect(writes).toHaveBeenCalledTimes(messages.length + 2);
    pipe.end();
    expect((await received).toString('utf8')).toBe(expected + 'not a header\nbytes');
    rmSync(dir, { recursive: true, force: true });
  });
});
