// A service worker: mirrors the open documents, checks them when asked and answers editor features
// from their last models. It runs one job at a time; the main thread decides which and when.

import { parentPort } from 'node:worker_threads';
import { ResponseError } from 'vscode-languageserver';
import { loadYAML, type AnalysisDocument } from '../../../../engine/src/index';
import { DOCUMENT_FEATURES, WORKSPACE_FEATURES } from '../features/index';
import { formatError } from '../runSafe';
import type { FromWorker, Job, ToWorker } from '../workerProtocol';
import { Service } from './service';
import { Snapshot } from './snapshot';

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
      } catch (e) {
        post({ kind: 'log', level: 'error', message: `handling ${msg.note.type}: ${formatError(e)}` });
      }
      return;
    }
    const { id, job } = msg;
    Promise.resolve()
      .then(() => runJob(service, job))
      .then(
        (result) => post({ kind: 'done', id, result }),
        (e: unknown) => {
          if (e instanceof ResponseError) post({ kind: 'failed', id, message: e.message, code: e.code });
          else post({ kind: 'failed', id, message: `${describeJob(job)}: ${formatError(e)}` });
        },
      );
  });
}

function runJob(service: Service, job: Job): unknown {
  switch (job.type) {
    case 'check':
      return service.check(job.uri);
    case 'request':
      return answer(service, job.method, job.params);
  }
}

function answer(service: Service, method: string, params: unknown): unknown {
  const workspaceFeature = WORKSPACE_FEATURES.get(method);
  if (workspaceFeature !== undefined) return workspaceFeature(service, params as never);
  const feature = DOCUMENT_FEATURES.get(method);
  if (feature === undefined) throw new ResponseError(-32601, `unhandled method ${method}`);
  const uri = (params as { textDocument?: { uri?: unknown } } | undefined)?.textDocument?.uri;
  if (typeof uri !== 'string') return feature.fallback;
  const snapshot = Snapshot.of(service, uri) ?? (method === 'textDocument/completion' ? bareSnapshot(service, uri) : undefined);
  return snapshot === undefined ? feature.fallback : feature.answer(snapshot, params as never);
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
  return job.type === 'request' ? job.method : `check ${job.uri}`;
}
