// Entry points of evaluation (ESC's CheckEnvironment, EvalEnvironment and RotateEnvironment).

import type { EnvironmentDecl } from '../ast/expr.js';
import { errorDiag, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import type { Decrypter, EnvironmentLoader, ProviderLoader } from '../host.js';
import type { Environment, Expr as ModelExpr } from '../model.js';
import type { EvalValue } from './value.js';
import { mergedSchema } from '../schema/navigate.js';
import { formatPropertyPath, parsePropertyPath } from '../util/propertyPath.js';
import type { PlainValue } from '../util/plain.js';
import { EvalContext } from './context.js';
import { checkContextValues, childContext } from './execContext.js';
import { Exporter } from './export.js';
import { Budget, DEFAULT_LIMITS, LimitExceeded, type EvaluationLimits } from './limits.js';
import { ProviderCalls } from './providerCalls.js';
import type { ImportCache } from './importCache.js';
import { RotationState, type RotationResult, type ValuePatch } from './rotation.js';
import type { Mode, Shared } from './shared.js';

/** What evaluation needs from its host. */
export interface EvaluationHost {
  /** Loads imported environments; without it every import fails with a diagnostic. */
  environments?: EnvironmentLoader;
  /** Loads providers and rotators; without it every fn::open / fn::rotate fails with a diagnostic. */
  providers?: ProviderLoader;
  /** Decrypts the root document's ciphertexts (imports get theirs from the loader). */
  decrypter?: Decrypter;
}

/** Options of an evaluation. */
export interface EvaluationOptions {
  /** Execution context values, seen as `${context.<key>}` (e.g. `pulumi.user.id`). */
  context?: ReadonlyMap<string, PlainValue>;
  /** Check mode only: decrypt ciphertexts (Eval and Rotate always do). */
  showSecrets?: boolean;
  /** Rotate mode only: property paths (relative to `values`) of the rotators to run; all when empty. */
  rotatePaths?: readonly string[];
  /** Resource limits. */
  limits?: Partial<EvaluationLimits>;
  /**
   * Check mode only: evaluated imports to reuse and to fill (see importCache.ts). Hosts that check
   * the same workspace again and again (editors) keep one per workspace; the loader must return the
   * same parsed document object for an unchanged file.
   */
  importCache?: ImportCache;
}

/** The result of an evaluation: the environment (absent for empty documents) and sorted diagnostics. */
export interface EvaluationResult {
  environment: Environment | undefined;
  diagnostics: Diagnostic[];
}

/** The result of a rotation: also what each selected rotator did and the patches to write back. */
export interface RotationEvaluationResult extends EvaluationResult {
  rotations: RotationResult[];
  /** Patches of succeeded rotations, sorted by document path. */
  patches: ValuePatch[];
}

/** Checks an environment: providers are not opened; their results are unknowns typed by their schemas. */
export function checkEnvironment(name: string, decl: EnvironmentDecl | undefined, host: EvaluationHost, options: EvaluationOptions = {}): EvaluationResult {
  const r = runRound('check', name, decl, host, options, new ProviderCalls());
  return { environment: r.environment, diagnostics: r.diagnostics };
}

/** Evaluates an environment, opening providers (asynchronous providers are awaited). */
export async function evalEnvironment(name: string, decl: EnvironmentDecl | undefined, host: EvaluationHost, options: EvaluationOptions = {}): Promise<EvaluationResult> {
  const r = await runRounds('eval', name, decl, host, options);
  return { environment: r.environment, diagnostics: r.diagnostics };
}

/** Rotates the selected rotators of an environment and evaluates it with their new state. */
export async function rotateEnvironment(
  name: string,
  decl: EnvironmentDecl | undefined,
  host: EvaluationHost,
  options: EvaluationOptions = {},
): Promise<RotationEvaluationResult> {
  return runRounds('rotate', name, decl, host, options);
}

/** The empty execution context (one object, so that import caches recognise it). */
const NO_CONTEXT: ReadonlyMap<string, PlainValue> = new Map();

async function runRounds(mode: Mode, name: string, decl: EnvironmentDecl | undefined, host: EvaluationHost, options: EvaluationOptions): Promise<RotationEvaluationResult> {
  const calls = new ProviderCalls();
  for (;;) {
    const r = runRound(mode, name, decl, host, options, calls);
    if (!calls.hasPending()) return r;
    await calls.settleAll();
  }
}

function runRound(
  mode: Mode,
  name: string,
  decl: EnvironmentDecl | undefined,
  host: EvaluationHost,
  options: EvaluationOptions,
  calls: ProviderCalls,
): RotationEvaluationResult {
  const empty: RotationEvaluationResult = { environment: undefined, diagnostics: [], rotations: [], patches: [] };
  if (decl === undefined || (decl.values.length === 0 && decl.imports.length === 0)) return empty;
  const userContext = options.context ?? NO_CONTEXT;
  const contextError = checkContextValues(userContext);
  if (contextError !== undefined) return { ...empty, diagnostics: [errorDiag(contextError, undefined, '')] };
  const selection = rotationSelection(options.rotatePaths);
  if ('error' in selection) return { ...empty, diagnostics: [errorDiag(selection.error, undefined, '')] };
  const shared: Shared = {
    mode,
    showSecrets: mode !== 'check' || options.showSecrets === true,
    imports: new Map(),
    environments: host.environments,
    providers: host.providers,
    budget: new Budget({ ...DEFAULT_LIMITS, ...options.limits }),
    calls,
    rotation: new RotationState(selection.docPaths),
    stacks: new Map(),
    importCache: options.importCache,
    recordings: [],
  };
  const exec = childContext({ values: userContext, rootName: '', currentName: '' }, name);
  const ctx = new EvalContext(shared, name, decl, host.decrypter, exec, true, mode === 'rotate');
  try {
    const root = ctx.evaluate();
    const diagnostics = sortDiagnostics(ctx.diags);
    const environment = exportEnvironment(ctx, root, name, diagnostics);
    const rotations = shared.rotation.results;
    const patches = rotations.flatMap((r) => (r.patch ? [r.patch] : [])).sort((a, b) => (a.docPath < b.docPath ? -1 : a.docPath > b.docPath ? 1 : 0));
    return { environment, diagnostics, rotations, patches };
  } catch (e) {
    if (e instanceof LimitExceeded) return { ...empty, diagnostics: sortDiagnostics([...ctx.diags, errorDiag(e.message, undefined, '')]) };
    if (e instanceof RangeError) {
      return { ...empty, diagnostics: sortDiagnostics([...ctx.diags, errorDiag('the environment nests too deeply to evaluate', undefined, '')]) };
    }
    throw e;
  }
}

/**
 * Builds the environment model. Its expressions, properties and execution context are exported on
 * first access: diagnostics are what most callers need after each edit, and the export of a large
 * environment costs as much as its evaluation.
 */
function exportEnvironment(ctx: EvalContext, root: EvalValue, name: string, diagnostics: Diagnostic[]): Environment {
  let exporter: Exporter | undefined;
  const exporterOf = () =>
    (exporter ??= new Exporter((v) => {
      // An export cycle would be an evaluator bug; report it with the other diagnostics.
      const syntax = v.def.node?.syntax;
      diagnostics.push(errorDiag('internal error: cyclic export', syntax?.range, syntax?.path ?? ''));
    }));
  const environment: Environment = { schema: root.base !== null ? mergedSchema(root.base.schema, root.schema) : root.schema };
  lazy(environment, 'exprs', () => {
    const exprs = new Map<string, ModelExpr>();
    const rootRepr = ctx.root.repr;
    if (rootRepr.kind === 'object') for (const [k, x] of rootRepr.properties) exprs.set(k, exporterOf().expr(x, name));
    return exprs;
  });
  lazy(environment, 'properties', () => {
    const properties = exporterOf().value(root, name).value;
    return properties instanceof Map ? properties : new Map();
  });
  lazy(environment, 'executionContext', () => {
    const contextExport = exporterOf().value(ctx.myContext, name).value;
    return { properties: contextExport instanceof Map ? contextExport : new Map(), schema: ctx.myContext.schema };
  });
  return environment;
}

/** Defines `field` of `o` as computed once, on first read (and plain data from then on). */
function lazy<T extends object, K extends keyof T>(o: T, field: K, compute: () => T[K]): void {
  Object.defineProperty(o, field, {
    configurable: true,
    enumerable: true,
    get() {
      const v = compute();
      Object.defineProperty(o, field, { value: v, writable: true, enumerable: true, configurable: true });
      return v;
    },
    set(v: T[K]) {
      Object.defineProperty(o, field, { value: v, writable: true, enumerable: true, configurable: true });
    },
  });
}

/** Turns rotate paths into the document paths of the selected rotators. */
function rotationSelection(paths: readonly string[] | undefined): { docPaths: Set<string> | undefined } | { error: string } {
  if (paths === undefined || paths.length === 0) return { docPaths: undefined };
  const docPaths = new Set<string>();
  for (const p of paths) {
    const parsed = parsePropertyPath(p);
    if (!parsed.ok) return { error: `invalid property path ${p}: ${parsed.error}` };
    docPaths.add(formatPropertyPath(['values', ...parsed.path]));
  }
  return { docPaths };
}
