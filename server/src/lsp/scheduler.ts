// Diagnostics scheduling. A document is checked as soon as it opens (no debounce) and after every
// change; while a check of it runs, newer versions coalesce into one follow-up check (stale work is
// dropped, not queued). Checks alternate between the two workers: the worker that does not hold the
// document's last model checks the new version, so the holder keeps answering hover and completion
// from the last evaluation meanwhile; when the check produces a model, the roles swap and the old
// model is dropped. Edits to a file re-check every open document whose last check read it.

import type { Diagnostic } from 'vscode-languageserver';
import { ImportGraph } from './importGraph';
import { Priority, type WorkerPool } from './pool';
import type { CheckResult } from './workerProtocol';

interface DocState {
  /** Bumped on every reason to re-check (edit, dependency change, settings). */
  generation: number;
  inflight: { worker: number; generation: number } | undefined;
  pending: boolean;
  /** The worker holding the document's last model, if any. */
  serving: number | undefined;
  /** The path of the document, for dependency lookups. */
  path: string | undefined;
}

/** Hooks of the scheduler. */
export interface SchedulerHooks {
  publish(uri: string, version: number, diagnostics: Diagnostic[]): void;
  log(level: 'error' | 'warn' | 'info', message: string): void;
  /** Called after each check (tests and benchmarks observe timings through the log). */
  checked?(result: CheckResult): void;
}

/** Decides when and where documents are checked. */
export class Scheduler {
  private readonly docs = new Map<string, DocState>();
  private readonly graph = new ImportGraph();

  constructor(
    private readonly pool: WorkerPool,
    private readonly hooks: SchedulerHooks,
  ) {}

  /** A document was opened: check it now. */
  opened(uri: string, path: string | undefined): void {
    this.docs.set(uri, { generation: 0, inflight: undefined, pending: false, serving: undefined, path });
    this.schedule(uri);
  }

  /** A document changed: check it, then the open documents that read it. */
  changed(uri: string): void {
    this.schedule(uri);
    const path = this.docs.get(uri)?.path;
    if (path !== undefined) for (const d of this.graph.dependentsOf(path)) if (d !== uri) this.schedule(d);
  }

  /** A document was closed. */
  closed(uri: string): void {
    this.docs.delete(uri);
    this.graph.remove(uri);
    this.hooks.publish(uri, -1, []);
  }

  /** Files changed on disk: re-check their dependents (all documents when files appeared or vanished). */
  filesChanged(paths: readonly string[], structural: boolean): void {
    if (structural) return this.all();
    const affected = new Set<string>();
    for (const p of paths) for (const d of this.graph.dependentsOf(p)) affected.add(d);
    for (const d of affected) this.schedule(d);
  }

  /** Re-checks every open document (settings or folders changed). */
  all(): void {
    for (const uri of this.docs.keys()) this.schedule(uri);
  }

  /** Returns the worker that answers features of a document: the holder of its model, else the less busy. */
  servingWorker(uri: string): number {
    const s = this.docs.get(uri);
    return s?.serving ?? this.pool.leastLoaded();
  }

  /** Worker `index` was replaced: the models it held are gone. */
  restarted(index: number): void {
    for (const [uri, s] of this.docs) {
      if (s.inflight?.worker === index) s.inflight = undefined;
      if (s.serving === index) {
        s.serving = undefined;
        this.schedule(uri);
      } else if (s.pending && s.inflight === undefined) this.schedule(uri);
    }
  }

  private schedule(uri: string): void {
    const s = this.docs.get(uri);
    if (s === undefined) return;
    s.generation++;
    if (s.inflight !== undefined) s.pending = true;
    else this.dispatch(uri, s);
  }

  private dispatch(uri: string, s: DocState): void {
    s.pending = false;
    // Warm-up is for idle time: once real checks come, they warm the workers themselves.
    this.pool.dropQueued((job) => job.type === 'warmup');
    // Check on the worker that does not hold the model, so that the holder stays free to answer.
    const worker = s.serving === undefined || this.pool.size < 2 ? this.pool.leastLoaded() : (s.serving + 1) % this.pool.size;
    const inflight = { worker, generation: s.generation };
    s.inflight = inflight;
    this.pool.run(worker, { type: 'check', uri }, Priority.check).then(
      (r) => this.finish(uri, inflight, r as CheckResult),
      (e: unknown) => {
        this.hooks.log('error', `checking ${uri}: ${e instanceof Error ? e.message : String(e)}`);
        const cur = this.docs.get(uri);
        if (cur === undefined || cur.inflight !== inflight) return;
        cur.inflight = undefined;
        if (cur.pending) this.dispatch(uri, cur);
      },
    );
  }

  private finish(uri: string, inflight: { worker: number; generation: number }, r: CheckResult): void {
    const s = this.docs.get(uri);
    if (s === undefined || s.inflight !== inflight) return;
    s.inflight = undefined;
    this.hooks.checked?.(r);
    if (r.path !== undefined) s.path = r.path;
    this.graph.update(uri, r.dependencies, r.path);
    this.hooks.publish(uri, r.version, r.served ? r.diagnostics : []);
    if (r.model && s.serving !== inflight.worker) {
      const previous = s.serving;
      s.serving = inflight.worker;
      if (previous !== undefined) this.pool.run(previous, { type: 'drop', uri }, Priority.check).catch(() => undefined);
    }
    if (s.pending) this.dispatch(uri, s);
  }
}
