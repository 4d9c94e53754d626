/**
 * In a worker thread, process.stdin/stdout/stderr are relays through the main
 * thread. The server's thread (thread.ts) takes the process's descriptors
 * instead, as Node's main thread makes its stdio streams: a TTY stream for a
 * terminal, a socket for a pipe or a socket (what editors give), a file stream
 * otherwise (a file or /dev/null). vscode-languageserver then finds them where
 * it looks for `--stdio` (process.stdin/stdout), and keeps its behaviour: the
 * end of stdin ends the server, console.* goes to the client's log. A pipe to
 * write to sends each message in one write (MessagePipe).
 */
import fs from 'node:fs';
import net from 'node:net';
import tty from 'node:tty';
import { Writable, type Readable } from 'node:stream';

type Kind = 'tty' | 'pipe' | 'file';

function kindOf(fd: number): Kind {
  if (tty.isatty(fd)) return 'tty';
  const stat = fs.fstatSync(fd);
  return stat.isFIFO() || stat.isSocket() ? 'pipe' : 'file';
}

/** Files are written synchronously, as Node's own stdout does: nothing is pending when the server exits. */
function fileWriter(fd: number): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      try {
        for (let written = 0; written < chunk.length; ) written += fs.writeSync(fd, chunk, written);
        done();
      } catch (e) {
        done(e as Error);
      }
    },
  });
}

const HEADER_START = 'Content-Length: ';
const HEADER_END = '\r\n\r\n';

/**
 * The server's output pipe, one write per message. vscode-jsonrpc writes each message as its header, then — once
 * that write is done — its body: two system calls per message, and two wake-ups of the editor reading them. On
 * a loaded machine the first often gave the core to the editor mid-write (server profile over the bench's 200
 * edits at load ≈ 24: ≈ 1.4 ms per published diagnostics in the writes, ≈ 0.5 ms with one write). The header is held (its
 * write reported done at once) and sent with the body that follows it; anything else is written as it comes.
 */
export class MessagePipe extends net.Socket {
  private header: Buffer | undefined;

  override write(chunk: Uint8Array | string, encoding?: BufferEncoding | ((error?: Error | null) => void), done?: (error?: Error | null) => void): boolean {
    const callback = typeof encoding === 'function' ? encoding : done;
    const enc = typeof encoding === 'string' ? encoding : undefined;
    if (this.header === undefined && typeof chunk === 'string' && chunk.startsWith(HEADER_START) && chunk.endsWith(HEADER_END)) {
      this.header = Buffer.from(chunk, 'latin1');
      if (callback) process.nextTick(callback);
      return true;
    }
    const header = this.header;
    if (header === undefined) return enc === undefined ? super.write(chunk, callback) : super.write(chunk, enc, callback);
    this.header = undefined;
    const body = typeof chunk === 'string' ? Buffer.from(chunk, enc) : chunk;
    return super.write(Buffer.concat([header, body]), callback);
  }
}

function stream(fd: number, reads: boolean): Readable | Writable {
  switch (kindOf(fd)) {
    case 'tty':
      return reads ? new tty.ReadStream(fd) : new tty.WriteStream(fd);
    case 'pipe':
      if (fd === 1) return new MessagePipe({ fd, readable: false, writable: true });
      return new net.Socket({ fd, readable: reads, writable: !reads });
    case 'file':
      return reads ? fs.createReadStream('', { fd, autoClose: false }) : fileWriter(fd);
  }
}

function own(name: 'stdin' | 'stdout' | 'stderr', stream: Readable | Writable): void {
  Object.defineProperty(process, name, { configurable: true, enumerable: true, value: stream, writable: false });
}

/** Makes process.stdin, stdout and stderr of this thread the process's descriptors 0, 1 and 2. */
export function ownProcessStdio(): void {
  own('stdin', stream(0, true));
  own('stdout', stream(1, false));
  own('stderr', stream(2, false));
}
