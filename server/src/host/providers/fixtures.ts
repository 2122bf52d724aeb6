// Fixtures: a workspace file that supplies the outputs of providers, so that environments whose
// providers need a cloud can be opened and run offline (previews, tests, demos).
//
// The file is `ROOT/.esc-local/fixtures.yaml` (or `.yml`):
//
//   providers:
//     aws-secrets:                  # a provider name of the catalogue
//       - environment: payments/dev # optional: only calls written in these environments (a name or a list)
//         inputs:                   # optional: only calls whose inputs contain these (a subset, compared deeply)
//           region: us-west-2
//         outputs:                  # required: what the call returns
//           dbPassword: local-password
//         secret: true              # optional (default true): the whole result is secret
//       - outputs:                  # no matcher: any other call
//           dbPassword: dev-password
//     aws-login:                    # a single case may be written without the list
//       outputs:
//         accessKeyId: AKIAEXAMPLE
//         secretAccessKey: {fn::secret: example}   # marks one value secret (with `secret: false`)
//
// Cases are tried in order; the first that matches answers. A provider call takes a fixture before
// its local implementation, so a fixture can also stand in for a provider that runs locally.
// Fixtures answer providers only: rotators open from the state written in the document.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  errorDiag,
  NumberText,
  providerEntry,
  syntax,
  unknownEntryMessage,
  warningDiag,
  type Diagnostic,
  type SyntaxNode,
  type Value,
} from '../../../../engine/src/index';
import { FIXTURES_FILE } from './messages';
import { value } from './values';

/** One case of a provider's fixtures. */
export interface FixtureCase {
  /** Environment names (as the engine names them) the case is limited to; empty: any. */
  readonly environments: readonly string[];
  /** A subset of inputs the call must have; absent: any. */
  readonly inputs?: SyntaxNode;
  readonly outputs: SyntaxNode;
  readonly secret: boolean;
}

/** The fixtures of a workspace. */
export class Fixtures {
  constructor(
    /** The file they were read from, as shown in messages (relative to the root). */
    readonly file: string,
    private readonly byProvider: ReadonlyMap<string, readonly FixtureCase[]>,
  ) {}

  /** Returns the outputs for a call of `provider` written in `environment` with `inputs`, if a case matches. */
  find(provider: string, environment: string, inputs: ReadonlyMap<string, Value>): Value | undefined {
    for (const c of this.byProvider.get(provider) ?? []) {
      if (c.environments.length > 0 && !c.environments.includes(environment)) continue;
      if (c.inputs !== undefined && !matches(c.inputs, value(new Map(inputs)))) continue;
      return toValue(c.outputs, c.secret);
    }
    return undefined;
  }

  /** The providers that have fixtures. */
  providers(): string[] {
    return [...this.byProvider.keys()];
  }
}

/** What reading the fixtures of a root gives: the fixtures (absent when there is no file) and problems in the file. */
export interface LoadedFixtures {
  readonly fixtures?: Fixtures;
  readonly diagnostics: Diagnostic[];
  /** The absolute path of the file read, when there is one. */
  readonly path?: string;
}

/** Reads `ROOT/.esc-local/fixtures.yaml` (or `.yml`), if present. */
export function loadFixtures(root: string): LoadedFixtures {
  for (const rel of [FIXTURES_FILE, FIXTURES_FILE.replace(/\.yaml$/, '.yml')]) {
    const path = join(root, rel);
    let text: Uint8Array;
    try {
      text = new Uint8Array(readFileSync(path));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      return { diagnostics: [errorDiag(`cannot read ${rel}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, undefined, '', CODE)], path };
    }
    return { ...parseFixtures(rel, text), path };
  }
  return { diagnostics: [] };
}

const CODE = 'esc-fixtures';
const CASE_KEYS = ['environment', 'inputs', 'outputs', 'secret'];

/** Parses fixtures from text; `file` names the document in ranges and messages. Problems become diagnostics; bad cases are dropped. */
export function parseFixtures(file: string, text: string | Uint8Array): { fixtures: Fixtures; diagnostics: Diagnostic[] } {
  const decoded = syntax.decodeYAML(file, text);
  const diags: Diagnostic[] = [...decoded.diagnostics];
  const byProvider = new Map<string, FixtureCase[]>();
  const root = decoded.node;
  if (decoded.diagnostics.some((d) => d.severity === 'error') || root === undefined || root.kind === 'null') {
    return { fixtures: new Fixtures(file, byProvider), diagnostics: diags };
  }
  const err = (n: SyntaxNode, msg: string) => diags.push(errorDiag(msg, n.range, n.path, CODE));
  if (root.kind !== 'object') {
    err(root, 'fixtures must be a mapping with a `providers` key');
    return { fixtures: new Fixtures(file, byProvider), diagnostics: diags };
  }
  for (const { key, value: section } of root.entries) {
    if (key.value !== 'providers') {
      err(key, `unknown key ${JSON.stringify(key.value)}: fixtures have only \`providers\``);
      continue;
    }
    if (section.kind !== 'object') {
      err(section, '`providers` must map provider names to fixtures');
      continue;
    }
    for (const { key: name, value: cases } of section.entries) {
      if (providerEntry(name.value) === undefined) {
        diags.push(warningDiag(unknownEntryMessage('provider', name.value), name.range, name.path, CODE));
        continue;
      }
      const list = cases.kind === 'array' ? cases.elements : [cases];
      const parsed = list.flatMap((c) => parseCase(c, err));
      if (parsed.length > 0) byProvider.set(name.value, [...(byProvider.get(name.value) ?? []), ...parsed]);
    }
  }
  return { fixtures: new Fixtures(file, byProvider), diagnostics: diags };
}

function parseCase(n: SyntaxNode, err: (n: SyntaxNode, msg: string) => void): FixtureCase[] {
  if (n.kind !== 'object') {
    err(n, 'a fixture must be a mapping with `outputs`');
    return [];
  }
  let outputs: SyntaxNode | undefined;
  let inputs: SyntaxNode | undefined;
  let secret = true;
  const environments: string[] = [];
  let ok = true;
  for (const { key, value: v } of n.entries) {
    switch (key.value) {
      case 'outputs':
        if (v.kind !== 'object') {
          err(v, '`outputs` must be a mapping: the value the provider returns');
          ok = false;
        }
        outputs = v;
        break;
      case 'inputs':
        if (v.kind !== 'object') {
          err(v, '`inputs` must be a mapping: the inputs a call must have');
          ok = false;
        }
        inputs = v;
        break;
      case 'secret':
        if (v.kind !== 'boolean') {
          err(v, '`secret` must be true or false');
          ok = false;
        } else secret = v.value;
        break;
      case 'environment': {
        const names = v.kind === 'array' ? v.elements : [v];
        for (const e of names) {
          if (e.kind !== 'string') {
            err(e, '`environment` must be an environment name or a list of them');
            ok = false;
          } else environments.push(canonicalName(e.value));
        }
        break;
      }
      default:
        err(key, `unknown key ${JSON.stringify(key.value)}: a fixture has ${CASE_KEYS.join(', ')}`);
        ok = false;
    }
  }
  if (outputs === undefined) {
    err(n, 'a fixture needs `outputs`');
    ok = false;
  }
  if (!ok || outputs === undefined) return [];
  return [inputs === undefined ? { environments, outputs, secret } : { environments, inputs, outputs, secret }];
}

/** Names an environment as the engine does: `[org/]project/env` → `project/env`, and the default project's `env`. */
function canonicalName(text: string): string {
  const parts = text.split('/');
  if (parts.length < 2) return text;
  const [project, env] = parts.slice(-2) as [string, string];
  return project === 'default' ? env : `${project}/${env}`;
}

/** Converts fixture YAML to a provider result; `{fn::secret: x}` marks one value secret. */
function toValue(n: SyntaxNode, secret: boolean): Value {
  switch (n.kind) {
    case 'null':
      return value(null, secret);
    case 'boolean':
      return value(n.value, secret);
    case 'number':
      return value(new NumberText(n.value), secret);
    case 'string':
      return value(n.value, secret);
    case 'array':
      return value(
        n.elements.map((e) => toValue(e, secret)),
        secret,
      );
    case 'object': {
      const only = n.entries.length === 1 ? n.entries[0]! : undefined;
      if (only !== undefined && only.key.value === 'fn::secret') return toValue(only.value, true);
      return value(new Map(n.entries.map((e) => [e.key.value, toValue(e.value, secret)])), secret);
    }
  }
}

/** Reports whether a call's input value contains the fixture's matcher (objects: a subset; the rest: equal). */
function matches(want: SyntaxNode, got: Value): boolean {
  const v = got.value;
  switch (want.kind) {
    case 'null':
      return v === undefined || v === null;
    case 'boolean':
    case 'string':
      return v === want.value;
    case 'number':
      return v instanceof NumberText && Number(v.text) === Number(want.value);
    case 'array':
      return Array.isArray(v) && v.length === want.elements.length && want.elements.every((w, i) => matches(w, v[i]!));
    case 'object':
      return v instanceof Map && want.entries.every((e) => v.has(e.key.value) && matches(e.value, v.get(e.key.value)!));
  }
}
