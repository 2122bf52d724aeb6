// Rules on provider and rotator inputs that their schemas cannot express: alternatives of which
// exactly one must be given, whole numbers, URLs, and password options that contradict each other.
// Each rule reads only literal inputs; an input computed by a reference is left to evaluation.

import { errorDiag, warningDiag, type Diagnostic } from '../diagnostics.js';
import type { Expr, Range } from '../model.js';
import { joinKey } from '../syntax/joinKey.js';
import { NumberText } from '../util/plain.js';
import { hasPosition, type CallSite, type PathedExpr } from './calls.js';
import { DEFAULT_SPECIAL } from './randomSecrets.js';

/** Stable codes of the input lints. */
export const InputLintCodes = {
  loginMethod: 'esc-login-method',
  wholeNumber: 'esc-whole-number',
  vaultAddress: 'esc-vault-address',
  subjectAttributes: 'esc-subject-attributes-unused',
  passwordOptions: 'esc-password-options',
} as const;

type Rule = (site: CallSite, inputs: PathedExpr, out: Diagnostic[]) => void;

const PROVIDER_RULES: Readonly<Record<string, readonly Rule[]>> = {
  'aws-login': [exactlyOne('oidc', 'static')],
  'gcp-login': [exactlyOne('oidc', 'accessToken')],
  'infisical-login': [exactlyOne('oidc', 'static')],
  'vault-login': [exactlyOne('jwt', 'token'), vaultAddress],
  'azure-login': [azureLoginMethod],
};

const PASSWORD_COUNTS = ['length', 'minLower', 'minUpper', 'minNumeric', 'minSpecial'] as const;

const ROTATOR_RULES: Readonly<Record<string, readonly Rule[]>> = {
  password: [wholeNumbers(PASSWORD_COUNTS), passwordOptions],
  passphrase: [wholeNumbers(['length'])],
  'azure-app-secret': [wholeNumbers(['lifetimeInDays'])],
};

/** Checks the literal inputs of one call against the rules of its provider or rotator. */
export function lintInputs(site: CallSite, out: Diagnostic[]): void {
  const rules = (site.kind === 'provider' ? PROVIDER_RULES : ROTATOR_RULES)[site.name];
  if (rules === undefined || site.inputs === undefined) return;
  const object = literalObject(site.inputs.expr);
  if (object === undefined) return;
  const inputs = { expr: { ...site.inputs.expr, object }, path: site.inputs.path };
  for (const rule of rules) rule(site, inputs, out);
}

/** The entries of an object literal; the model omits them for `{}` (as ESC's JSON does), which is still a literal. */
function literalObject(e: Expr): Map<string, Expr> | undefined {
  if (e.object !== undefined) return e.object;
  const computed = e.symbol !== undefined || e.interpolate !== undefined || e.builtin !== undefined || e.access !== undefined;
  return !computed && e.list === undefined && e.literal === undefined && e.schema?.type === 'object' ? new Map() : undefined;
}

function exactlyOne(a: string, b: string): Rule {
  return (site, inputs, out) => {
    const object = inputs.expr.object!;
    if (object.has(a) && object.has(b)) {
      // Point at whichever of the two comes second.
      const [ka, kb] = [keyAt(inputs, a), keyAt(inputs, b)];
      const at = ka.range !== undefined && kb.range !== undefined && ka.range.begin.byte > kb.range.begin.byte ? ka : kb;
      out.push(errorDiag(`${site.name} takes only one of ${a} and ${b}`, at.range, at.path, InputLintCodes.loginMethod));
    } else if (!object.has(a) && !object.has(b)) {
      out.push(errorDiag(`${site.name} needs one of ${a} and ${b}`, rangeOf(site, inputs), inputs.path, InputLintCodes.loginMethod));
    }
  };
}

function azureLoginMethod(site: CallSite, inputs: PathedExpr, out: Diagnostic[]): void {
  const object = inputs.expr.object!;
  const oidc = object.get('oidc');
  if (oidc !== undefined && typeof oidc.literal !== 'boolean') return;
  const usesOidc = oidc?.literal === true;
  if (usesOidc && object.has('clientSecret')) {
    const at = keyAt(inputs, 'clientSecret');
    out.push(errorDiag('azure-login takes only one of oidc: true and clientSecret', at.range, at.path, InputLintCodes.loginMethod));
  } else if (!usesOidc && !object.has('clientSecret')) {
    out.push(errorDiag('azure-login needs oidc: true or a clientSecret', rangeOf(site, inputs), inputs.path, InputLintCodes.loginMethod));
  }
  if (!usesOidc && object.has('subjectAttributes')) {
    const at = keyAt(inputs, 'subjectAttributes');
    out.push(warningDiag('subjectAttributes has no effect without oidc: true', at.range, at.path, InputLintCodes.subjectAttributes));
  }
}

// A scheme, a host (with an optional port or user info), and at most a trailing slash.
const VAULT_ADDRESS = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#\s]+\/?$/;

function vaultAddress(_site: CallSite, inputs: PathedExpr, out: Diagnostic[]): void {
  const address = inputs.expr.object!.get('address');
  if (address === undefined || typeof address.literal !== 'string' || VAULT_ADDRESS.test(address.literal)) return;
  out.push(
    errorDiag(
      'the Vault address must be a URL with a scheme and a host and no path, e.g. https://vault.example.com:8200',
      address.range,
      joinKey(inputs.path, 'address'),
      InputLintCodes.vaultAddress,
    ),
  );
}

function wholeNumbers(keys: readonly string[]): Rule {
  return (_site, inputs, out) => {
    for (const k of keys) {
      const v = inputs.expr.object!.get(k);
      if (v === undefined || !(v.literal instanceof NumberText) || Number.isInteger(Number(v.literal.text))) continue;
      out.push(errorDiag(`${k} must be a whole number`, v.range, joinKey(inputs.path, k), InputLintCodes.wholeNumber));
    }
  };
}

type CharClass = 'lower' | 'upper' | 'numeric' | 'special';
const CLASSES: readonly CharClass[] = ['lower', 'upper', 'numeric', 'special'];
const MIN_KEY: Readonly<Record<CharClass, string>> = { lower: 'minLower', upper: 'minUpper', numeric: 'minNumeric', special: 'minSpecial' };

function passwordOptions(site: CallSite, inputs: PathedExpr, out: Diagnostic[]): void {
  const object = inputs.expr.object!;
  const flag = (k: string, dflt: boolean) => literalOr(object.get(k), 'boolean', dflt);
  const count = (k: string, dflt: number) => {
    const n = literalOr(object.get(k), 'number', new NumberText(String(dflt)));
    return n === undefined ? undefined : Number(n.text);
  };
  const specials = literalOr(object.get('overrideSpecial'), 'string', DEFAULT_SPECIAL);
  // undefined: not known before evaluation (a reference); such rules are skipped.
  const enabled = new Map<CharClass, boolean | undefined>();
  for (const c of CLASSES) {
    const on = flag(c, true);
    enabled.set(c, c === 'special' && on === true && specials !== undefined ? specials !== '' : on);
  }
  const why = (c: CharClass) => (c === 'special' && flag('special', true) === true ? 'overrideSpecial is empty' : `${c} is false`);
  if (CLASSES.every((c) => enabled.get(c) === false)) {
    const detail = CLASSES.map((c) => why(c)).join(', ');
    out.push(errorDiag(`password has no characters to draw from (${detail})`, rangeOf(site, inputs), inputs.path, InputLintCodes.passwordOptions));
    return;
  }
  let total = 0;
  let totalKnown = true;
  for (const c of CLASSES) {
    const min = count(MIN_KEY[c], 0);
    if (min === undefined) totalKnown = false;
    else total += min;
    if (min !== undefined && min > 0 && enabled.get(c) === false) {
      const at = keyAt(inputs, MIN_KEY[c]);
      out.push(errorDiag(`${MIN_KEY[c]} asks for ${c} characters, but ${why(c)}`, at.range, at.path, InputLintCodes.passwordOptions));
    }
  }
  const length = count('length', 16);
  if (totalKnown && length !== undefined && total > length) {
    const at = object.has('length') ? keyAt(inputs, 'length') : { range: rangeOf(site, inputs), path: inputs.path };
    out.push(errorDiag(`the minimum counts add up to ${total}, more than the length ${length}`, at.range, at.path, InputLintCodes.passwordOptions));
  }
}

/** The literal of an input of the given type, the default when absent, or undefined when computed. */
function literalOr(e: Expr | undefined, type: 'boolean', dflt: boolean): boolean | undefined;
function literalOr(e: Expr | undefined, type: 'string', dflt: string): string | undefined;
function literalOr(e: Expr | undefined, type: 'number', dflt: NumberText): NumberText | undefined;
function literalOr(e: Expr | undefined, type: 'boolean' | 'string' | 'number', dflt: boolean | string | NumberText): unknown {
  if (e === undefined) return dflt;
  const l = e.literal;
  if (type === 'number') return l instanceof NumberText ? l : undefined;
  return typeof l === type ? l : undefined;
}

/** The range and path of the key `k` of an inputs object (the key itself, so the message sits on the name). */
function keyAt(inputs: PathedExpr, k: string): { range: Range | undefined; path: string } {
  const range = inputs.expr.keyRanges?.get(k) ?? inputs.expr.object?.get(k)?.range;
  return { range, path: joinKey(inputs.path, k) };
}

/** The range of the inputs when they have one, else the builtin key's. */
function rangeOf(site: CallSite, inputs: PathedExpr): Range {
  return hasPosition(inputs.expr.range) ? inputs.expr.range : site.nameRange;
}
