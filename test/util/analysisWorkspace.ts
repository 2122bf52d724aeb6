// An in-memory workspace for analysis (L2) tests: environments by canonical name (`env` in the
// default project, `proj/env` otherwise), loaded and checked like the language server does, with the
// provider catalogue's schemas in check mode.

import {
  checkEnvironment,
  loadYAML,
  providerEntry,
  rotatorEntry,
  SourceText,
  sortDiagnostics,
  unknownEntryMessage,
  type LoadedDocument,
  type ProviderLoader,
} from '../../engine/src/index';
import type { AnalysisContext, AnalysisDocument, AnalysisWorkspace, EnvironmentInfo } from '../../engine/src/analysis/index';
import { cursor } from './markers';

/** A check-mode provider loader over the catalogue: schemas only, nothing is ever opened. */
export const catalogueProviders: ProviderLoader = {
  loadProvider(name) {
    const entry = providerEntry(name);
    if (entry === undefined) throw new Error(unknownEntryMessage('provider', name));
    return { schema: () => ({ inputs: entry.inputs, outputs: entry.outputs }), open: () => { throw new Error('not opened in tests'); } };
  },
  loadRotator(name) {
    const entry = rotatorEntry(name);
    if (entry === undefined) throw new Error(unknownEntryMessage('rotator', name));
    const fail = () => { throw new Error('not rotated in tests'); };
    return { schema: () => ({ inputs: entry.inputs, state: entry.state!, outputs: entry.outputs }), open: fail, rotate: fail };
  },
};

/** Parses an environment reference like the workspace root convention does. */
export function environmentInfo(reference: string): EnvironmentInfo | undefined {
  const parts = reference.split('/');
  if (parts.length > 3 || parts.some((p) => !/^[A-Za-z0-9_.-]+$/.test(p) || p === '.' || p === '..')) return undefined;
  const env = parts[parts.length - 1]!;
  const project = parts.length >= 2 ? parts[parts.length - 2]! : 'default';
  return { name: project === 'default' ? env : `${project}/${env}`, project, env };
}

/** Loads and checks one document of `files` (by canonical name). */
export function checkDocument(name: string, text: string, files: Readonly<Record<string, string>>): AnalysisDocument {
  const loaded = loadYAML(name, text);
  const loader = {
    loadEnvironment(ref: string) {
      const info = environmentInfo(ref);
      const body = info === undefined ? undefined : files[info.name];
      if (info === undefined || body === undefined) throw new Error(`environment ${JSON.stringify(ref)} not found`);
      return { source: loadYAML(info.name, body) as LoadedDocument };
    },
  };
  const result = checkEnvironment(name, loaded.decl, { environments: loader, providers: catalogueProviders }, { context: new Map([['pulumi', new Map([['user', new Map([['id', 'USER_1']])]])]]) });
  return { name, source: loaded.doc.source, loaded, environment: result.environment, diagnostics: sortDiagnostics([...loaded.diagnostics, ...result.diagnostics]) };
}

/** Builds a workspace of in-memory environments. */
export function memoryWorkspace(files: Readonly<Record<string, string>>): AnalysisWorkspace {
  const cache = new Map<string, AnalysisDocument>();
  return {
    environments: () => Object.keys(files).sort().map((n) => environmentInfo(n)!),
    environmentInfo,
    document(ref) {
      const info = environmentInfo(ref);
      if (info === undefined || files[info.name] === undefined) return undefined;
      let doc = cache.get(info.name);
      if (doc === undefined) cache.set(info.name, (doc = checkDocument(info.name, files[info.name]!, files)));
      return doc;
    },
    describeLocation: (ref) => {
      const info = environmentInfo(ref);
      return info !== undefined && files[info.name] !== undefined ? `${info.project}/${info.env}.yaml` : undefined;
    },
  };
}

/**
 * Builds the analysis context of environment `main` of `files`, whose text holds a `‸` cursor.
 * Returns the context and the cursor's offset.
 */
export function analyze(files: Readonly<Record<string, string>>, main: string, reveal = false): { ctx: AnalysisContext; offset: number; text: string } {
  const marked = files[main];
  if (marked === undefined) throw new Error(`no file ${main}`);
  const { text, offset } = marked.includes('‸') ? cursor(marked) : { text: marked, offset: 0 };
  const clean = { ...files, [main]: text };
  const document = checkDocument(main, text, clean);
  return { ctx: { document, workspace: memoryWorkspace(clean), options: { revealSecrets: reveal } }, offset, text };
}

/** Returns the text a range covers in a document's source. */
export function textOf(source: SourceText, r: { begin: { line: number; column: number }; end: { line: number; column: number } }): string {
  return source.text.slice(source.offsetOfPos(r.begin.line, r.begin.column), source.offsetOfPos(r.end.line, r.end.column));
}
