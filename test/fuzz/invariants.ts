// The robustness invariants: on any input the engine returns (never throws), in bounded time, with
// diagnostics whose ranges lie inside the documents they name.

import {
  SourceText,
  ImportCache,
  checkEnvironment,
  decodeUtf8,
  environmentToJSON,
  evalEnvironment,
  loadYAML,
  reloadYAML,
  type Diagnostic,
  type EnvironmentLoader,
  type LoadedDocument,
  type PlainValue,
} from '../../engine/src/index';
import { rot128 } from '../hosts/rot128';
import { testProviders } from '../hosts/testProviders';
import { dumpLoad } from '../util/syntaxDump';

/** Documents of one run: the root (`env`) and the environments it may import. */
export type Workspace = Map<string, string | Uint8Array>;

const context = (): Map<string, PlainValue> => new Map([['pulumi', new Map([['user', new Map<string, PlainValue>([['id', 'u']])]])]]);

/** A loader that parses each document once, as the workspace host does (import caches rely on it). */
function loader(ws: Workspace): EnvironmentLoader {
  const parsed = new Map<string, LoadedDocument>();
  return {
    loadEnvironment(name) {
      const source = ws.get(name);
      if (source === undefined) throw new Error(`environment ${JSON.stringify(name)} not found`);
      let doc = parsed.get(name);
      if (doc === undefined) parsed.set(name, (doc = loadYAML(name, source)));
      return { source: doc, decrypter: rot128 };
    },
  };
}

/** Runs load, check and (optionally) eval of `root` in `ws`, asserting the invariants; throws a description on violation. */
export async function exercise(ws: Workspace, root: string, evaluate: boolean): Promise<void> {
  const texts = new Map<string, SourceText>();
  for (const [k, v] of ws) texts.set(k, new SourceText(typeof v === 'string' ? v : decodeUtf8(v).text));
  const loaded = loadYAML(root, ws.get(root)!);
  checkRanges(loaded.diagnostics, texts, 'load');
  const source = ws.get(root)!;
  if (typeof source === 'string') reloadAgrees(root, source, loaded);
  const host = { environments: loader(ws), providers: testProviders(), decrypter: rot128 };
  const ctx = context();
  const checked = checkEnvironment(root, loaded.decl, host, { context: ctx });
  checkRanges(checked.diagnostics, texts, 'check');
  // With an import cache, a first and a second check agree with the plain one.
  const importCache = new ImportCache();
  const plain = summaries(checked.diagnostics);
  for (const pass of ['first', 'second']) {
    const cached = checkEnvironment(root, loaded.decl, host, { context: ctx, importCache });
    if (summaries(cached.diagnostics) !== plain) throw new Error(`check with the import cache (${pass}) differs:\n${summaries(cached.diagnostics)}\n---\n${plain}`);
  }
  if (checked.environment) environmentToJSON(checked.environment);
  if (evaluate) {
    const evaluated = await evalEnvironment(root, loaded.decl, host, { context: context() });
    checkRanges(evaluated.diagnostics, texts, 'eval');
    if (evaluated.environment) environmentToJSON(evaluated.environment);
  }
}

/**
 * Reloading the document from the decode of a nearby version (one character removed, or one
 * inserted, as typing does) agrees with loading it in full, whether or not the reload was incremental.
 */
function reloadAgrees(root: string, text: string, loaded: LoadedDocument): void {
  const full = JSON.stringify(dumpLoad(loaded));
  const at = text.length >> 1;
  for (const before of [text.slice(0, at) + text.slice(at + 1), text.slice(0, at) + 'x' + text.slice(at)]) {
    const reloaded = reloadYAML(root, text, reloadYAML(root, before, undefined).base);
    if (JSON.stringify(dumpLoad(reloaded.loaded)) !== full) throw new Error(`reload (incremental: ${reloaded.incremental}) differs from a full load, from ${JSON.stringify(before)}`);
  }
}

function summaries(diags: readonly Diagnostic[]): string {
  return diags.map((d) => `${d.severity} ${d.range?.environment}:${d.range?.begin.line}:${d.range?.begin.column} ${d.summary}`).join('\n');
}

function checkRanges(diags: readonly Diagnostic[], texts: Map<string, SourceText>, stage: string): void {
  for (const d of diags) {
    if (typeof d.summary !== 'string' || d.summary === '') throw new Error(`${stage}: empty summary`);
    const r = d.range;
    if (r === undefined) continue;
    const src = texts.get(r.environment);
    if (src === undefined) throw new Error(`${stage}: diagnostic "${d.summary}" names unknown document ${JSON.stringify(r.environment)}`);
    for (const [what, p] of [
      ['begin', r.begin],
      ['end', r.end],
    ] as const) {
      if (p.line < 1 || p.line > src.lineCount) throw new Error(`${stage}: "${d.summary}" ${what} line ${p.line} outside 1..${src.lineCount}`);
      const offset = src.offsetOfPos(p.line, p.column);
      const back = src.pos(offset);
      if (back.line !== p.line || back.column !== p.column) {
        throw new Error(`${stage}: "${d.summary}" ${what} ${p.line}:${p.column} is not a position of the document`);
      }
    }
    if (r.begin.line > r.end.line || (r.begin.line === r.end.line && r.begin.column > r.end.column)) {
      throw new Error(`${stage}: "${d.summary}" range ends before it begins`);
    }
  }
}
