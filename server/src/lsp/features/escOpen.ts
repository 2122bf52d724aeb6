// esc/open: evaluates an environment and renders it in a format, secrets masked unless asked. Only a
// trusted workspace opens providers; otherwise the environment is checked and their values stay
// unknown. The rendering is the CLI's (`esc-local open`), so both agree.

import {
  checkEnvironment,
  evalEnvironment,
  loadYAML,
  parsePropertyPath,
  sortDiagnostics,
  type Diagnostic,
  type Environment,
  type LoadedDocument,
  type Value,
} from '../../../../engine/src/index';
import { readFileSync } from 'node:fs';
import { renderEnviron, type EnvironFormat } from '../../cli/formats/environFormats';
import { renderValue, type ValueFormat } from '../../cli/formats/valueFormats';
import { projectEnvironment } from '../../cli/projection';
import { workspaceProviders } from '../../cli/providerLoader';
import { selectPath, syntheticValue } from '../../cli/values';
import type { OpenDiagnostic, OpenEnvironmentParams, OpenEnvironmentResult, OpenFormat } from '../../protocol';
import type { Workspace } from '../../host/workspace';
import { lspRange } from '../convert';
import { pathToUri, uriToPath, type DocumentPlace } from '../service/roots';
import type { Service } from '../service/service';

const FORMATS: readonly OpenFormat[] = ['json', 'yaml', 'detailed', 'string', 'dotenv', 'shell'];

/** Answers esc/open. */
export async function provideOpen(service: Service, params: OpenEnvironmentParams): Promise<OpenEnvironmentResult> {
  const format = params.format ?? 'json';
  const fail = (environment: string, message: string): OpenEnvironmentResult => ({ environment, text: '', format, ok: false, diagnostics: [{ severity: 'error', message }], evaluated: false, revealsSecrets: false });
  if (!FORMATS.includes(format)) return fail('', `unknown output format ${JSON.stringify(format)}`);
  const target = locate(service, params);
  if ('error' in target) return fail(params.environment ?? params.uri ?? '', target.error);
  const { place, loaded, ws } = target;
  let path: (string | number)[] = [];
  if (params.path !== undefined && params.path !== '') {
    if (format === 'dotenv' || format === 'shell') return fail(place.name, `output format '${format}' may not be used with a property path`);
    const p = parsePropertyPath(params.path);
    if (!p.ok) return fail(place.name, `invalid property path ${params.path}: ${p.error}`);
    path = p.path;
  }
  const trusted = params.trusted ?? service.settings.trusted;
  const host = { ...(ws !== undefined ? { environments: ws.loader() } : {}), providers: workspaceProviders(trusted ? 'eval' : 'check', place.root).loader };
  const options = { context: service.context() };
  const result = trusted ? await evalEnvironment(place.name, loaded.decl, host, options) : checkEnvironment(place.name, loaded.decl, host, options);
  const diags = sortDiagnostics([...loaded.diagnostics, ...result.diagnostics]);
  const diagnostics = diags.map((d) => openDiagnostic(service, place, loaded, ws, d));
  if (!trusted) diagnostics.push({ severity: 'warning', message: 'the workspace is not trusted: providers were not opened, so their values are unknown' });
  const base = { environment: place.name, format, evaluated: trusted, diagnostics };
  if (diags.some((d) => d.severity === 'error')) return { ...base, text: '', ok: false, revealsSecrets: false };
  const show = params.showSecrets === true;
  const properties = masked(result.environment, show);
  const revealsSecrets = show && hasSecret(result.environment);
  if (format === 'dotenv' || format === 'shell') {
    const projection = projectEnvironment(properties);
    const rendered = renderEnviron(projection.variables, format as EnvironFormat);
    if (!rendered.ok) return { ...base, text: '', ok: false, revealsSecrets: false, diagnostics: [...diagnostics, { severity: 'error', message: rendered.error }] };
    return { ...base, text: rendered.text, ok: true, revealsSecrets, files: projection.files.map((f) => ({ name: f.key, content: f.value })) };
  }
  const rendered = renderValue(selectPath(syntheticValue(properties ?? new Map()), path), format as ValueFormat);
  if (!rendered.ok) return { ...base, text: '', ok: false, revealsSecrets: false, diagnostics: [...diagnostics, { severity: 'error', message: rendered.error }] };
  return { ...base, text: rendered.text, ok: true, revealsSecrets };
}

type Located = { place: DocumentPlace; loaded: LoadedDocument; ws: Workspace | undefined } | { error: string };

/** Finds the environment of the request: an open buffer, a file, or a name in a root. */
function locate(service: Service, params: OpenEnvironmentParams): Located {
  if (params.uri !== undefined) {
    const mirror = service.mirrors.get(params.uri);
    const place = service.roots.placeOf(params.uri, mirror?.languageId ?? 'esc');
    const ws = service.roots.workspace(place.root);
    if (mirror !== undefined) return { place, loaded: loadYAML(place.name, mirror.text), ws };
    const path = uriToPath(params.uri);
    if (path === undefined) return { error: `cannot read ${params.uri}` };
    try {
      return { place, loaded: loadYAML(place.name, new Uint8Array(readFileSync(path))), ws };
    } catch (e) {
      return { error: `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}` };
    }
  }
  if (params.environment === undefined) return { error: 'name an environment (environment) or a document (uri)' };
  const folderPath = params.workspaceUri !== undefined ? uriToPath(params.workspaceUri) : service.roots.folderPaths()[service.roots.folderPaths().length - 1];
  if (folderPath === undefined) return { error: 'no workspace folder to find the environment in' };
  const root = service.roots.rootOf(folderPath);
  const ws = service.roots.workspace(root);
  if (ws === undefined) return { error: `workspace root ${root} does not exist` };
  const loaded = ws.load(params.environment);
  if (!loaded.ok) return { error: loaded.error };
  const place: DocumentPlace = { path: loaded.value.path, root, folder: folderPath, name: loaded.value.name.canonical, inRoot: true, served: true };
  return { place, loaded: loaded.value.doc, ws };
}

function openDiagnostic(service: Service, place: DocumentPlace, loaded: LoadedDocument, ws: Workspace | undefined, d: Diagnostic): OpenDiagnostic {
  const out: OpenDiagnostic = { severity: d.severity, message: d.summary };
  if (d.range === undefined) return out;
  let source = d.range.environment === place.name ? loaded.doc.source : undefined;
  let path = d.range.environment === place.name ? place.path : undefined;
  if (source === undefined && ws !== undefined) {
    const other = ws.load(d.range.environment);
    if (other.ok) {
      source = other.value.doc.doc.source;
      path = other.value.path;
    }
  }
  if (source === undefined) return out;
  const r = lspRange(source, d.range);
  return { ...out, ...(path !== undefined ? { uri: service.uriOf(path) ?? pathToUri(path) } : {}), line: r.start.line, character: r.start.character };
}

/** Returns the properties with every secret replaced by `[secret]`, unless showing them. */
function masked(env: Environment | undefined, show: boolean): Map<string, Value> | undefined {
  const props = env?.properties;
  if (props === undefined || show) return props;
  const mask = (v: Value): Value => {
    if (v.secret) return { value: '[secret]', trace: v.trace };
    if (Array.isArray(v.value)) return { ...v, value: v.value.map(mask) };
    if (v.value instanceof Map) return { ...v, value: new Map([...v.value].map(([k, e]) => [k, mask(e)])) };
    return v;
  };
  return new Map([...props].map(([k, v]) => [k, mask(v)]));
}

function hasSecret(env: Environment | undefined): boolean {
  const walk = (v: Value): boolean => v.secret === true || (Array.isArray(v.value) ? v.value.some(walk) : v.value instanceof Map ? [...v.value.values()].some(walk) : false);
  return [...(env?.properties?.values() ?? [])].some(walk);
}
