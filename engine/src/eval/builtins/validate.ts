// fn::validate (§5.12): the value passes through; violations of the schema are reported.

import { compileSchema } from '../../schema/compile.js';
import { schemaFromJSON } from '../../schema/json.js';
import { jsonSchemaSchema } from '../../schema/metaSchema.js';
import { always, type Schema } from '../../schema/schema.js';
import { encodeJSON } from '../../util/goJson.js';
import { decodeJSON } from '../../util/goJsonDecode.js';
import type { EvalContext } from '../context.js';
import { Exporter } from '../export.js';
import type { EvalExpr, ExprRepr } from '../exprs.js';
import { revealedJSON } from '../json.js';
import { validateValue } from '../validate.js';
import { EvalValue } from '../value.js';
import { combine, evaluateTyped } from './common.js';

/** Evaluates `fn::validate: {schema, value}`. */
export function evaluateValidate(ctx: EvalContext, x: EvalExpr, repr: Extract<ExprRepr, { kind: 'validate' }>): EvalValue {
  const schemaArg = evaluateTyped(ctx, repr.schema, jsonSchemaSchema());
  let schema: Schema | undefined;
  if (schemaArg.ok && !schemaArg.value.containsUnknowns()) schema = convertSchema(ctx, repr.schema, schemaArg.value);
  const value = ctx.evaluateExpr(repr.value, always());
  if (schema !== undefined) validateValue(ctx, value, schema);
  return combine(new EvalValue(x, value.schema, value.repr), value);
}

/** Converts an evaluated schema value to a compiled schema, reporting why it cannot be. */
function convertSchema(ctx: EvalContext, at: EvalExpr, v: EvalValue): Schema | undefined {
  const exported = new Exporter(() => ctx.errorAt(v.def, 'internal error: cyclic export')).value(v, '');
  const encoded = encodeJSON(revealedJSON(exported), {});
  if (!encoded.ok) {
    ctx.errorAt(at, `invalid schema: failed to marshal schema to JSON: ${encoded.error}`);
    return undefined;
  }
  const decoded = decodeJSON(encoded.text);
  if (!decoded.ok) {
    ctx.errorAt(at, `invalid schema: failed to parse schema: ${decoded.error}`);
    return undefined;
  }
  const parsed = schemaFromJSON(decoded.value);
  if ('error' in parsed) {
    ctx.errorAt(at, `invalid schema: failed to parse schema: ${parsed.error}`);
    return undefined;
  }
  const err = compileSchema(parsed.schema);
  if (err) {
    ctx.errorAt(at, `invalid schema: ${err}`);
    return undefined;
  }
  return parsed.schema;
}
