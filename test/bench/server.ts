/**
 * The language server as an editor sees it: `vanban lsp --stdio` spawned for
 * real and driven over the protocol (the client of the LSP tests).
 *  - cold start: spawn → first diagnostics for seed 004;
 *  - edits: 200 random single-character edits to a generated 1 MB document,
 *    each `didChange` → the publishDiagnostics of that version;
 *  - hovers on the references and citations of that document;
 *  - the server's resident memory with it open.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { childProcess, fileUri, initialize, LspClient, ROOT } from '../lsp/client.ts';
import { generateDocument, prng } from './generate.ts';
import { median, missing, quantile, round, type Measured } from './stats.ts';

type Core = typeof import('../../language-server/src/core/index.ts');

const CLI = path.join(ROOT, 'bin/vanban.js');
const EDITS = 200;
const HOVERS = 200;
const COLD_STARTS = 5;

interface Started {
  client: LspClient;
  pid: number;
}

/** `node bin/vanban.js lsp --stdio`, initialized, with push diagnostics (no pull capability). */
async function startServer(env: NodeJS.ProcessEnv = process.env): Promise<Started> {
  const proc = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const client = new LspClient(childProcess(proc), connection, () => ({}));
  proc.stderr!.on('data', (d: Buffer) => (client.stderr += d.toString()));
  await initialize(client);
  return { client, pid: proc.pid! };
}

/** Resident set size in MiB (Linux /proc), or null elsewhere. */
function rssMiB(pid: number): number | null {
  const status = `/proc/${pid}/status`;
  if (!existsSync(status)) return null;
  const m = /^VmRSS:\s+(\d+)\s+kB/mu.exec(readFileSync(status, 'utf8'));
  return m ? Number(m[1]) / 1024 : null;
}

export interface ServerFigures {
  cold_start_ms: Measured;
  edit_p95_ms: Measured;
  hover_p95_ms: Measured;
  server_rss_mb: Measured;
  details: Record<string, unknown>;
}

export async function measureServer(core: Core, seed004: string | undefined): Promise<ServerFigures> {
  const out: ServerFigures = {
    cold_start_ms: missing('not run'),
    edit_p95_ms: missing('not run'),
    hover_p95_ms: missing('not run'),
    server_rss_mb: missing('not run'),
    details: {},
  };
  const dir = mkdtempSync(path.join(tmpdir(), 'vanban-bench-'));
  try {
    // Cold start: a fresh process each time, the clock running from spawn.
    if (seed004 === undefined) out.cold_start_ms = missing('seed 004 not found (../shared/corpus)');
    else {
      const seedFile = path.join(dir, 'seed004.txt');
      writeFileSync(seedFile, seed004);
      const coldStart = async (env?: NodeJS.ProcessEnv) => {
        const t0 = performance.now();
        const { client } = await startServer(env);
        await client.open(fileUri(seedFile), seed004);
        await client.diagnostics(fileUri(seedFile), 1, 60_000);
        const ms = performance.now() - t0;
        await client.stop();
        return ms;
      };
      // The figure is the server started as an editor in this environment starts it. Where NODE_EXTRA_CA_CERTS
      // is set, Node reads that file before any of our code (≈ 50–100 ms here): starts without it, alternating
      // with the others so both meet the same load, show what the variable costs (the VS Code client empties it).
      const extraCa = process.env.NODE_EXTRA_CA_CERTS;
      const times: number[] = [];
      const withoutExtraCa: number[] = [];
      for (let i = 0; i < COLD_STARTS; i++) {
        times.push(await coldStart());
        if (extraCa) withoutExtraCa.push(await coldStart({ ...process.env, NODE_EXTRA_CA_CERTS: '' }));
      }
      out.cold_start_ms = { value: round(median(times), 1) };
      out.details.cold_start_samples_ms = times.map((t) => round(t, 1));
      if (extraCa) {
        out.details.cold_start_without_extra_ca_certs = {
          NODE_EXTRA_CA_CERTS: extraCa,
          median_ms: round(median(withoutExtraCa), 1),
          samples_ms: withoutExtraCa.map((t) => round(t, 1)),
        };
      }
    }

    // One server, the 1 MB document open.
    let text = generateDocument({ bytes: 1_000_000, seed: 3 });
    const file = path.join(dir, 'generated-1mb.txt');
    writeFileSync(file, text);
    const uri = fileUri(file);
    const { client, pid } = await startServer();
    try {
      const t0 = performance.now();
      await client.open(uri, text);
      await client.diagnostics(uri, 1, 120_000);
      out.details.open_ms = round(performance.now() - t0, 1);

      // Hovers first, on the text as generated: references (from the core) and citations (by their number).
      const index = core.createLineIndex(text);
      const refs = core.referencesOf(core.parseDocument(text)).map((r) => r.reference.range.start + 1);
      const cites: number[] = [];
      for (let i = text.indexOf(' số '); i >= 0 && cites.length < 5000; i = text.indexOf(' số ', i + 4)) cites.push(i + 5);
      const rnd = prng(11);
      const pickSome = (xs: number[], n: number) => Array.from({ length: Math.min(n, xs.length) }, () => xs[Math.floor(rnd() * xs.length)]);
      const targets = [...pickSome(refs, HOVERS / 2), ...pickSome(cites, HOVERS / 2)];
      const hoverTimes: number[] = [];
      let answered = 0;
      for (const at of targets) {
        const h0 = performance.now();
        const h = await client.request('textDocument/hover', { textDocument: { uri }, position: index.positionAt(at) });
        hoverTimes.push(performance.now() - h0);
        if (h) answered++;
      }
      out.hover_p95_ms = hoverTimes.length ? { value: round(quantile(hoverTimes, 0.95), 2) } : missing('no reference or citation in the generated document');
      out.details.hover = { requests: hoverTimes.length, answered, median_ms: round(median(hoverTimes), 2) };

      // Edits: insert a letter or delete a character (never a line break), each waited for.
      const letters = 'aăâbcdđeêghiklmnoôơpqrstuưvxy';
      const editTimes: number[] = [];
      let version = 1;
      for (let i = 0; i < EDITS; i++) {
        let at = Math.floor(rnd() * text.length);
        const lines = core.createLineIndex(text);
        version++;
        let change;
        if (rnd() < 0.6 || text[at] === '\n') {
          const ch = letters[Math.floor(rnd() * letters.length)];
          const p = lines.positionAt(at);
          change = { range: { start: p, end: p }, text: ch };
          text = text.slice(0, at) + ch + text.slice(at);
        } else {
          if (at >= text.length) at = text.length - 1;
          change = { range: { start: lines.positionAt(at), end: lines.positionAt(at + 1) }, text: '' };
          text = text.slice(0, at) + text.slice(at + 1);
        }
        const e0 = performance.now();
        await client.change(uri, version, [change]);
        await client.diagnostics(uri, version, 60_000);
        editTimes.push(performance.now() - e0);
      }
      out.edit_p95_ms = { value: round(quantile(editTimes, 0.95), 1) };
      out.details.edit = { edits: editTimes.length, median_ms: round(median(editTimes), 1), max_ms: round(Math.max(...editTimes), 1) };
      const rss = rssMiB(pid);
      out.server_rss_mb = rss === null ? missing('no /proc/PID/status on this system') : { value: round(rss, 1) };
    } finally {
      await client.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
