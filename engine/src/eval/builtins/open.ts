// fn::open and fn::rotate (§5.2, §5.3): providers and rotators loaded through the host, inputs
// validated against their schemas, and calls made only in Eval/Rotate mode with known inputs.

import { errorDiag } from '../../diagnostics.js';
import type { Provider, Rotator } from '../../host.js';
import type { Value as ModelValue } from '../../model.js';
import { compileSchema } from '../../schema/compile.js';
import { nullSchema, oneOfSchema, type Schema } from '../../schema/schema.js';
import { joinKey } from '../../syntax/index.js';
import type { EvalContext } from '../context.js';
import { fromModel, makeDeeplySecret } from '../convert.js';
import { hostContext } from '../execContext.js';
import { Exporter } from '../export.js';
import type { EvalExpr, ExprRepr } from '../exprs.js';
import { callKey, type CallOutcome } from '../providerCalls.js';
import { errorText } from '../../util/errors.js';
import type { EvalValue } from '../value.js';
import { evaluateTyped, unknownResult } from './common.js';

type OpenRepr = Extract<ExprRepr, { kind: 'open' }>;
type RotateRepr = Extract<ExprRepr, { kind: 'rotate' }>;

/** Evaluates `fn::open`. */
export function evaluateOpen(ctx: EvalContext, x: EvalExpr, repr: OpenRepr): EvalValue {
  const name = providerName(repr.provider);
  if (name === undefined) return unknownResult(x);
  let provider: Provider | undefined;
  try {
    provider = loader(ctx).loadProvider(name);
  } catch (e) {
    ctx.errorAt(x, errorText(e));
  }
  if (provider !== undefined) {
    const { inputs, outputs } = provider.schema();
    const inputErr = compileSchema(inputs);
    if (inputErr) ctx.errorAt(x, `internal error: invalid input schema (${inputErr})`);
    else repr.inputSchema = inputs;
    const outputErr = compileSchema(outputs);
    if (outputErr) ctx.errorAt(x, `internal error: invalid schema (${outputErr})`);
    else x.schema = outputs;
  }
  const inputs = evaluateTyped(ctx, repr.inputs, repr.inputSchema);
  if (provider === undefined || !inputs.ok || inputs.value.containsUnknowns() || ctx.validating) return unknownResult(x);
  const args = exportInputs(ctx, inputs.value);
  const p = provider;
  const outcome = ctx.shared.calls.call(callKey(['open', name, args]), () => p.open(args, hostContext(ctx.execContext)));
  return outcomeValue(ctx, x, outcome);
}

/** Evaluates `fn::rotate`, rotating first when this rotator is selected in a Rotate evaluation. */
export function evaluateRotate(ctx: EvalContext, x: EvalExpr, repr: RotateRepr): EvalValue {
  const name = providerName(repr.provider);
  if (name === undefined) return unknownResult(x);
  const node = repr.node;
  const docPath = node.syntax?.path ?? '';
  let rotator: Rotator | undefined;
  try {
    rotator = loader(ctx).loadRotator(name);
  } catch (e) {
    ctx.errorAt(x, errorText(e));
  }
  if (rotator !== undefined) {
    const schemas = rotator.schema();
    const stateSchema = oneOfSchema([schemas.state, nullSchema()]);
    const compiled: [Schema, string, (s: Schema) => void][] = [
      [schemas.inputs, 'invalid input schema', (s) => (repr.inputSchema = s)],
      [stateSchema, 'invalid state schema', (s) => (repr.stateSchema = s)],
      [schemas.outputs, 'invalid schema', (s) => (x.schema = s)],
    ];
    for (const [s, what, set] of compiled) {
      const err = compileSchema(s);
      if (err) ctx.errorAt(x, `internal error: ${what} (${err})`);
      else set(s);
    }
  }
  const inputs = evaluateTyped(ctx, repr.inputs, repr.inputSchema);
  const state = evaluateTyped(ctx, repr.state, repr.stateSchema);
  const selected = ctx.rotating && ctx.shared.rotation.selected(docPath);
  if (
    rotator === undefined ||
    !inputs.ok ||
    inputs.value.containsObservableUnknowns(ctx.rotating) ||
    !state.ok ||
    state.value.containsUnknowns() ||
    ctx.validating
  ) {
    if (selected) ctx.shared.rotation.results.push({ path: docPath, status: 'not-evaluated' });
    return unknownResult(x);
  }
  const r = rotator;
  const args = exportInputs(ctx, inputs.value);
  let stateArg = exportMap(ctx, state.value);
  const hc = hostContext(ctx.execContext);
  if (selected) {
    const outcome = ctx.shared.calls.call(callKey(['rotate', docPath, name, args, stateArg]), () => r.rotate(args, stateArg, hc));
    if ('pending' in outcome) return unknownResult(x);
    if ('error' in outcome) {
      ctx.errorAt(x, `rotate: ${outcome.error}`);
      const syntax = x.node?.syntax;
      const diagnostics = [errorDiag(outcome.error, syntax?.range, syntax?.path ?? '')];
      ctx.shared.rotation.results.push({ path: docPath, status: 'failed', diagnostics });
      return unknownResult(x);
    }
    const newState = outcome.value;
    if (newState.secret) markSecret(newState);
    ctx.shared.rotation.results.push({
      path: docPath,
      status: 'succeeded',
      patch: { docPath: joinKey(docPath, node.name) + '.state', replacement: newState },
    });
    stateArg = newState.value instanceof Map ? newState.value : null;
  }
  const finalState = stateArg;
  const outcome = ctx.shared.calls.call(callKey(['rotator-open', name, args, finalState]), () => r.open(args, finalState, hc));
  return outcomeValue(ctx, x, outcome);
}

function outcomeValue(ctx: EvalContext, x: EvalExpr, outcome: CallOutcome): EvalValue {
  if ('pending' in outcome) return unknownResult(x);
  if ('error' in outcome) {
    ctx.errorAt(x, outcome.error);
    return unknownResult(x);
  }
  const v = fromModel(outcome.value, x);
  if (outcome.value.secret) makeDeeplySecret(v);
  return v;
}

function loader(ctx: EvalContext) {
  const providers = ctx.shared.providers;
  if (providers === undefined) throw new Error('no providers are available');
  return providers;
}

/** The provider or rotator name, or undefined when the call has none (a load error was reported). */
function providerName(x: EvalExpr): string | undefined {
  const node = x.node;
  return node?.kind === 'string' ? node.value : undefined;
}

/** Exports inputs for a provider: a map of values (non-maps become an empty map, as in ESC). */
function exportInputs(ctx: EvalContext, v: EvalValue): Map<string, ModelValue> {
  return exportMap(ctx, v) ?? new Map();
}

function exportMap(ctx: EvalContext, v: EvalValue): Map<string, ModelValue> | null {
  const mv = new Exporter(() => ctx.errorAt(v.def, 'internal error: cyclic export')).value(v, '');
  return mv.value instanceof Map ? mv.value : null;
}

function markSecret(v: ModelValue): void {
  v.secret = true;
  const p = v.value;
  if (Array.isArray(p)) p.forEach(markSecret);
  else if (p instanceof Map) for (const e of p.values()) markSecret(e);
}
