/**
 * The server bundle's code cache, made after the bundle has served a first
 * check (at build time: scripts/build.mjs; nothing here runs in the server).
 *
 * Why: V8 compiles a function's bytecode when the function is first called.
 * A cache made right after compiling the bundle holds the top level only, so
 * every start still compiled the hundreds of functions that its first check
 * calls. A cache made after a check holds them too (V8 writes every function
 * the script has compiled so far): the server thread's CPU to the first
 * diagnostics of seed 004 fell by ≈ 25 ms (docs/notes/issue-9-s12-cold.md).
 *
 * How: the bundle runs in a worker thread as the server's own thread does
 * (thread.ts: the same young generation), over the worker's stdio, relayed
 * to this thread. It is spoken
 * to as an editor would: initialize, open a short built-in document (the
 * rehearsal's text, rehearsal.ts), wait for its diagnostics. Then the worker
 * puts V8's flags back to the defaults a start compiles under (v8-flags.ts)
 * and writes the cache of its script. The document's answers are thrown away;
 * the cache holds code, never results.
 *
 * A fresh worker then checks that V8 takes the cache. When it does not (a V8
 * flag changed after the compile), or the server did not answer in time, the
 * cache of a fresh compile is written instead, as before: never a cache the
 * server would refuse.
 */
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { REHEARSAL_TEXT } from '../core/language-service/rehearsal.ts';
import { cacheIsTaken, startBundle, writeCodeCache } from './code-cache.ts';
import { SERVER_YOUNG_GENERATION_MB } from './thread.ts';
import { restoreV8Defaults } from './v8-flags.ts';

interface TrainingData {
  /** Run the bundle as the server and write its cache when told to. */
  train?: string;
  /** Tell whether V8 takes the bundle's cache. */
  checkCacheOf?: string;
}

/** How long the server may take to answer the training document before the build gives up on it (ms). */
const TRAINING_TIMEOUT_MS = 60_000;

/** The worker's side; this module is its own worker's script. */
if (!isMainThread && parentPort) {
  const data = workerData as TrainingData | null;
  const port = parentPort;
  if (data?.train) {
    const bundle = data.train;
    const script = startBundle(bundle);
    port.once('message', () => {
      restoreV8Defaults();
      writeCodeCache(bundle, script);
      port.postMessage('written');
    });
  } else if (data?.checkCacheOf) {
    port.postMessage(cacheIsTaken(data.checkCacheOf));
  }
}

function workerOf(data: TrainingData, stdio: boolean): Worker {
  return new Worker(fileURLToPath(import.meta.url), {
    argv: stdio ? ['--stdio'] : [],
    workerData: data,
    stdin: stdio,
    stdout: stdio,
    resourceLimits: { maxYoungGenerationSizeMb: SERVER_YOUNG_GENERATION_MB },
  });
}

/** Resolves when the worker ends or fails (an error the bundle did not catch). */
function endOf(worker: Worker): Promise<void> {
  return new Promise((resolve) => {
    worker.once('error', () => resolve());
    worker.once('exit', () => resolve());
  });
}

/** The first message of a worker, or undefined when it ends or fails first. */
function firstMessage(worker: Worker): Promise<unknown> {
  return Promise.race([new Promise((resolve) => worker.once('message', resolve)), endOf(worker)]);
}

/** Speaks to the bundle in `worker` until it has published the training document's diagnostics. */
async function serveTrainingDocument(worker: Worker): Promise<void> {
  const connection = createProtocolConnection(new StreamMessageReader(worker.stdout), new StreamMessageWriter(worker.stdin!));
  const uri = pathToFileURL(path.join(tmpdir(), 'vanban-code-cache-training.txt')).href;
  // The settings of a client with nothing set: each section as the defaults.
  connection.onRequest(ConfigurationRequest.type, (p) => p.items.map((i) => (i.section === 'vanban' ? {} : null)));
  const published = new Promise<void>((resolve) => {
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      if (p.uri === uri && p.version === 1) resolve();
    });
  });
  connection.listen();
  try {
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'vanban', version: 1, text: REHEARSAL_TEXT } });
    await published;
  } finally {
    connection.dispose();
  }
}

/** The training: true when the worker wrote the cache of its script after the first check, in time. */
async function train(bundle: string): Promise<boolean> {
  const worker = workerOf({ train: bundle }, true);
  const ended = endOf(worker).then(() => false);
  try {
    const session = serveTrainingDocument(worker).then(async () => {
      const written = firstMessage(worker);
      worker.postMessage('write');
      return (await written) === 'written';
    });
    const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), TRAINING_TIMEOUT_MS).unref());
    return await Promise.race([session, timeout, ended]).catch(() => false);
  } finally {
    await worker.terminate();
  }
}

/**
 * Writes `bundle`'s code cache (dist/server-node.cache) after a first check; true when that cache is the one
 * written, false when the cache of a fresh compile had to be written instead. Call it in the node that will run
 * the server, as the build does.
 */
export async function writeTrainedCodeCache(bundle: string): Promise<boolean> {
  let trained = await train(bundle);
  if (trained) {
    const checker = workerOf({ checkCacheOf: bundle }, false);
    trained = (await firstMessage(checker)) === true;
    await checker.terminate();
  }
  if (!trained) {
    restoreV8Defaults();
    writeCodeCache(bundle);
  }
  return trained;
}
