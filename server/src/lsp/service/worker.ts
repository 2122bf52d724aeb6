// A service worker: mirrors the open documents, checks them when asked and answers editor features
// from their last models. It runs one job at a time; the main thread decides which and when.

import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort } from 'node:worker_threads';
import { ResponseError } from 'vscode-languageserver';
import { loadYAML, type AnalysisDocument } from '../../../../engine/src/index';
import { DOCUMENT_FEATURES, WORKSPACE_FEATURES } from '../features/index';
import { DOCUMENT_METHODS } from '../methods';
import { formatError } from '../runSafe';
import type { FromWorker, Job, ToWorker } from '../workerProtocol';
import { Service } from './service';
import { Snapshot } from './snapshot';
import { warmUp } from './warmup';

/** Runs the worker's message loop on its parent port. */
export function runServiceWorker(): void {
  const port = parentPort;
  if (port === null) throw new Error('runServiceWorker must run in a worker thread');
  const post = (m: FromWorker) => port.postMessage(m);
  const log = (level: 'error' | 'warn' | 'info') => (...args: unknown[]) => post({ kind: 'log', level, message: args.map((a) => (typeof a === 'string' ? a : formatError(a))).join(' ') });
  // A worker's console writes to the process's stdout, which is the protocol channel.
  console.log = log('info');
  console.info = log('info');
  console.warn = log('warn');
  console.error = log('error');
  const service = new Service();
  port.on('message', (msg: ToWorker) => {
    if (msg.kind === 'notify') {
      try {
        service.notify(msg.note);
        if (msg.note.type === 'close') collectSoon(0);
      } catch (e) {
        post({ kind: 'log', level: 'error', message: `handling ${msg.note.type}: ${formatError(e)}` });
      }
      return;
    }
    const { id, job } = msg;
    jobs++;
    Promise.resolve()
      .then(() => runJob(service, job))
      .then(
        (result) => {
          post({ kind: 'done', id, result });
          if (TRACE) post({ kind: 'log', level: 'info', message: trace(job, result) });
          // A dropped model of a large document is collected at once (the worker checks the next version
          // soon); a check's own garbage is left to V8, which collects it without the cost of a forced
          // full collection on the critical path of every edit.
          if (job.type === 'drop') collectSoon(service.lastLength);
          else if (job.type === 'warmup') collectAfterWarmUp();
        },
        (e: unknown) => {
          if (e instanceof ResponseError) post({ kind: 'failed', id, message: e.message, code: e.code });
          else post({ kind: 'failed', id, message: `${describeJob(job)}: ${formatError(e)}` });
        },
      );
  });
}

/**
 * Models of large documents are big, and two workers may each hold one while a new one is built.
 * V8 collects old garbage lazily, so a dropped model or a parse's garbage could keep the process
 * hundreds of megabytes larger than it needs for a long time; a full collection after a drop keeps
 * the peak close to what is live. Only for large documents or heaps: a forced collection also lowers
 * the heap's growth limit, which makes the next check of a medium document run into many more
 * collections (about twice as slow).
 */
const collect: (() => void) | undefined = (() => {
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
})();
let collectPending = false;

const LARGE_DOCUMENT = 256 * 1024;
// A heap this large holds a large workspace's evaluated imports (the 200-environment graph: ~90 MB
// live per worker); at 160 MB, the process grew to ~450 MB on the graph before V8 collected.
const LARGE_HEAP = 96 * 2 ** 20;

function collectSoon(documentLength: number): void {
  if (collect === undefined || collectPending) return;
  if (documentLength < LARGE_DOCUMENT && getHeapStatistics().used_heap_size < LARGE_HEAP) return;
  collectPending = true;
  setImmediate(() => {
    collectPending = false;
    collect();
  });
}

/** Jobs received so far: a warm-up round followed by none is the last one. */
let jobs = 0;

/**
 * Warm-up rounds leave tens of megabytes of garbage per worker that V8 would keep until the first
 * real work; once the last round is done and no job came in for a moment, collect it.
 */
function collectAfterWarmUp(): void {
  const seen = jobs;
  setTimeout(() => {
    if (jobs === seen) collect?.();
  }, 50).unref();
}

/** Set ESC_LOCAL_TRACE=1 to log each job's timing and the worker's heap (for performance work). */
const TRACE = process.env['ESC_LOCAL_TRACE'] === '1';

function trace(job: Job, result: unknown): string {
  const heap = getHeapStatistics();
  const check = result as { millis: number; incremental?: boolean };
  const millis = job.type === 'check' ? ` ${check.millis} ms${check.incremental === true ? ', reparsed the edited entries' : ''}` : '';
  return `trace: ${describeJob(job)}${millis}; heap ${Math.round(heap.used_heap_size / 2 ** 20)}/${Math.round(heap.total_heap_size / 2 ** 20)} MB`;
}

function runJob(service: Service, job: Job): unknown {
  switch (job.type) {
    case 'check':
      return service.check(job.uri);
    case 'request':
      return answer(service, job.method, job.params);
    case 'drop':
      service.lastLength = service.mirrors.get(job.uri)?.text.length ?? 0;
      service.drop(job.uri);
      return null;
    case 'warmup':
      warmUp();
      return null;
  }
}

function answer(service: Service, method: string, params: unknown): unknown {
  const workspaceFeature = WORKSPACE_FEATURES.get(method);
  if (workspaceFeature !== undefined) return workspaceFeature(service, params as never);
  const feature = DOCUMENT_FEATURES.get(method);
  if (feature === undefined) throw new ResponseError(-32601, `unhandled method ${method}`);
  const fallback = DOCUMENT_METHODS.get(method) ?? null;
  const uri = (params as { textDocument?: { uri?: unknown } } | undefined)?.textDocument?.uri;
  if (typeof uri !== 'string') return fallback;
  const snapshot = Snapshot.of(service, uri) ?? (method === 'textDocument/completion' ? bareSnapshot(service, uri) : undefined);
  return snapshot === undefined ? fallback : feature(snapshot, params as never);
}

/** A snapshot of a document that never parsed, so that completion can still offer keys, builtins and providers. */
function bareSnapshot(service: Service, uri: string): Snapshot | undefined {
  const mirror = service.mirrors.get(uri);
  if (mirror === undefined) return undefined;
  const place = service.roots.placeOf(uri, mirror.languageId);
  if (!place.served) return undefined;
  const loaded = loadYAML(place.name, mirror.text);
  const doc: AnalysisDocument = { name: place.name, source: loaded.doc.source, loaded, environment: undefined, diagnostics: loaded.diagnostics };
  return new Snapshot(service, { uri, version: mirror.version, place, doc }, mirror);
}

function describeJob(job: Job): string {
  return job.type === 'request' ? job.method : job.type === 'warmup' ? job.type : `${job.type} ${job.uri}`;
}
