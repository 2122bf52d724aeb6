// esc/environments: the environments of each workspace root and their import graph.

import { sep } from 'node:path';
import type { EnvironmentEntry, EnvironmentsParams, EnvironmentsResult, EnvironmentsRoot } from '../../protocol';
import { parseEnvironmentName } from '../../host/environmentNames';
import { pathToUri, uriToPath } from '../service/roots';
import type { Service } from '../service/service';

/** Answers esc/environments for the root of `params.uri`, or for every workspace folder. */
export function provideEnvironments(service: Service, params: EnvironmentsParams): EnvironmentsResult {
  const wanted = params.uri !== undefined ? uriToPath(params.uri) : undefined;
  const roots: EnvironmentsRoot[] = [];
  for (const { folder, root } of service.roots.allRoots()) {
    if (wanted !== undefined && !(wanted === folder || wanted.startsWith(folder + sep) || wanted === root || wanted.startsWith(root + sep))) continue;
    const ws = service.roots.workspace(root);
    if (ws === undefined) continue;
    const entries: EnvironmentEntry[] = [];
    for (const e of ws.list()) {
      const loaded = ws.load(e.name.canonical);
      const decl = loaded.ok ? loaded.value.doc.decl : undefined;
      const imports: string[] = [];
      let broken = !loaded.ok || decl === undefined || loaded.value.doc.diagnostics.some((d) => d.severity === 'error');
      for (const i of decl?.imports ?? []) {
        const name = parseEnvironmentName(i.environment.value);
        const resolved = ws.resolve(i.environment.value);
        if (!resolved.ok) broken = true;
        imports.push(name.ok ? name.name.canonical : i.environment.value);
      }
      entries.push({ name: e.name.canonical, project: e.name.project, env: e.name.env, uri: service.uriOf(e.path), imports, importedBy: [], broken });
    }
    const byName = new Map(entries.map((e) => [e.name, e]));
    for (const e of entries) for (const i of new Set(e.imports)) byName.get(i)?.importedBy.push(e.name);
    roots.push({ folderUri: pathToUri(folder), rootUri: pathToUri(root), environments: entries });
  }
  return { roots };
}
