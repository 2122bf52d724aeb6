// fn::secret (§5.1): plaintext secrets are their literal, marked secret; ciphertexts are decrypted
// in Eval/Rotate mode (and in Check mode when showing secrets), else unknown.

import { stringSchema } from '../../schema/schema.js';
import { decodeUtf8 } from '../../text/utf8.js';
import { decodeCiphertext } from '../../util/ciphertext.js';
import type { EvalContext } from '../context.js';
import type { EvalExpr, ExprRepr } from '../exprs.js';
import { errorText } from '../../util/errors.js';
import { EvalValue } from '../value.js';
import { unknownResult } from './common.js';

/** Evaluates `fn::secret`. */
export function evaluateSecret(ctx: EvalContext, x: EvalExpr, repr: Extract<ExprRepr, { kind: 'secret' }>): EvalValue {
  if (repr.plaintext !== undefined) return ctx.evaluateExpr(repr.plaintext, stringSchema());
  const ciphertext = repr.ciphertext!;
  const text = ciphertext.node?.kind === 'string' ? ciphertext.node.value : '';
  x.schema = stringSchema();
  const decoded = decodeCiphertext(text);
  if (!decoded.ok) {
    ctx.errorAt(x, `invalid ciphertext: ${decoded.error}`);
    return unknownResult(x, x.schema, true);
  }
  if (ctx.validating && !ctx.shared.showSecrets) return unknownResult(x, x.schema, true);
  const decrypter = ctx.decrypter;
  if (decrypter === undefined) {
    ctx.errorAt(x, 'decrypting: no decrypter is configured for this environment');
    return unknownResult(x, x.schema, true);
  }
  let plaintext: Uint8Array;
  try {
    plaintext = decrypter.decrypt(decoded.bytes);
  } catch (e) {
    ctx.errorAt(x, `decrypting: ${errorText(e)}`);
    return unknownResult(x, x.schema, true);
  }
  const v = new EvalValue(x, x.schema, decodeUtf8(plaintext).text);
  v.secret = true;
  return v;
}

