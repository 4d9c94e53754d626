/**
 * In a worker thread, process.stdin/stdout/stderr are relays through the main
 * thread. The server's thread (thread.ts) takes the process's descriptors
 * instead, as Node's main thread makes its stdio streams: a TTY stream for a
 * terminal, a socket for a pipe or a socket (what editors give), a file stream
 * otherwise (a file or /dev/null). vscode-languageserver then finds them where
 * it looks for `--stdio` (process.stdin/stdout), and keeps its behaviour: the
 * end of stdin ends the server, console.* goes to the client's log.
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

function stream(fd: number, reads: boolean): Readable | Writable {
  switch (kindOf(fd)) {
    case 'tty':
      return reads ? new tty.ReadStream(fd) : new tty.WriteStream(fd);
    case 'pipe':
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
