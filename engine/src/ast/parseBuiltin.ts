// Builtin calls: checking the shape of each builtin's argument (§5, parse-time rules).

import { errorDiag, type Diagnostic } from '../diagnostics.js';
import type { ObjectNode } from '../syntax/nodes.js';
import { OPEN_PREFIX, ROTATE_PREFIX } from '../builtins/registry.js';
import type { ArrayExpr, BuiltinExpr, Expr, NullExpr, ObjectExpr, StringExpr } from './expr.js';

/** Builds the builtin call `{key: args}` of object `node`, appending shape errors to `diags`. */
export function parseBuiltin(node: ObjectNode, key: string, args: Expr, diags: Diagnostic[]): BuiltinExpr {
  const base = { kind: 'builtin' as const, name: key, nameSyntax: node.entries[0]!.key, args, syntax: node };
  const err = (summary: string, at: Expr) => diags.push(errorDiag(summary, at.syntax?.range, at.syntax?.path ?? ''));
  if (key.startsWith(OPEN_PREFIX)) {
    return { ...base, builtin: 'open', shortForm: true, provider: providerName(key.slice(OPEN_PREFIX.length), node), inputs: args };
  }
  if (key.startsWith(ROTATE_PREFIX)) {
    if (args.kind !== 'object') {
      err("the argument to fn::rotate must be an object containing 'inputs' and 'state'", args);
      return { ...base, builtin: 'rotate', shortForm: true, provider: providerName(key.slice(ROTATE_PREFIX.length), node), state: implicitNull() };
    }
    const f = fields(args);
    if (f.get('inputs') === undefined) err("missing provider inputs ('inputs')", args);
    return {
      ...base,
      builtin: 'rotate',
      shortForm: true,
      provider: providerName(key.slice(ROTATE_PREFIX.length), node),
      ...opt('inputs', f.get('inputs')),
      state: rotationState(f.get('state'), err),
    };
  }
  switch (key) {
    case 'fn::open': {
      if (args.kind !== 'object') {
        err("the argument to fn::open must be an object containing 'provider' and 'inputs'", args);
        return { ...base, builtin: 'open', shortForm: false };
      }
      const f = fields(args);
      const provider = checkProvider(f.get('provider'), args, err);
      const inputs = f.get('inputs');
      if (inputs === undefined) err("missing provider inputs ('inputs')", args);
      return { ...base, builtin: 'open', shortForm: false, ...opt('provider', provider), ...opt('inputs', inputs) };
    }
    case 'fn::rotate': {
      if (args.kind !== 'object') {
        err("the argument to fn::rotate must be an object containing 'provider', 'inputs' and 'state'", args);
        return { ...base, builtin: 'rotate', shortForm: false, state: implicitNull() };
      }
      const f = fields(args);
      const provider = checkProvider(f.get('provider'), args, err);
      const inputs = f.get('inputs');
      if (inputs === undefined) err("missing provider inputs ('inputs')", args);
      return {
        ...base,
        builtin: 'rotate',
        shortForm: false,
        ...opt('provider', provider),
        ...opt('inputs', inputs),
        state: rotationState(f.get('state'), err),
      };
    }
    case 'fn::secret': {
      if (args.kind === 'string') return { ...base, builtin: 'secret', plaintext: args };
      if (args.kind === 'object' && args.entries.length === 1) {
        const e = args.entries[0]!;
        if (e.key?.value === 'ciphertext' && e.value.kind === 'string') return { ...base, builtin: 'secret', ciphertext: e.value };
      }
      err('secret values must be string literals', args);
      return { ...base, builtin: 'secret', plaintext: { kind: 'string', value: '' } };
    }
    case 'fn::join':
    case 'fn::split': {
      const name = key.slice(4);
      if (args.kind !== 'array' || args.elements.length !== 2) {
        err(`the argument to ${key} must be a two-valued list`, args);
        return name === 'join' ? { ...base, builtin: 'join' } : { ...base, builtin: 'split' };
      }
      const [a, b] = args.elements as [Expr, Expr];
      return name === 'join' ? { ...base, builtin: 'join', delimiter: a, values: b } : { ...base, builtin: 'split', delimiter: a, string: b };
    }
    case 'fn::concat': {
      if (args.kind !== 'array') {
        err('the argument to fn::concat must be an array of arrays', args);
        return { ...base, builtin: 'concat' };
      }
      return { ...base, builtin: 'concat', arrays: args as ArrayExpr };
    }
    case 'fn::validate': {
      if (args.kind !== 'object') {
        err("the argument to fn::validate must be an object containing 'schema' and 'value'", args);
        return { ...base, builtin: 'validate' };
      }
      const f = fields(args);
      const schema = f.get('schema');
      const value = f.get('value');
      if (schema === undefined) err("missing required property 'schema'", args);
      if (value === undefined) err("missing required property 'value'", args);
      return { ...base, builtin: 'validate', ...opt('schema', schema), ...opt('value', value) };
    }
    case 'fn::toJSON':
      return { ...base, builtin: 'toJSON', value: args };
    case 'fn::fromJSON':
      return { ...base, builtin: 'fromJSON', value: args };
    case 'fn::toBase64':
      return { ...base, builtin: 'toBase64', value: args };
    case 'fn::fromBase64':
      return { ...base, builtin: 'fromBase64', value: args };
    case 'fn::toString':
      return { ...base, builtin: 'toString', value: args };
    default:
      return { ...base, builtin: 'final', value: args };
  }
}

/** Returns the entries of an object literal by key; the last of repeated keys wins. */
function fields(o: ObjectExpr): Map<string, Expr> {
  const m = new Map<string, Expr>();
  for (const e of o.entries) if (e.key) m.set(e.key.value, e.value);
  return m;
}

function checkProvider(p: Expr | undefined, args: Expr, err: (s: string, at: Expr) => void): StringExpr | undefined {
  if (p === undefined) {
    err("missing provider name ('provider')", args);
    return undefined;
  }
  if (p.kind !== 'string') {
    err('provider name must be a string literal', p);
    return undefined;
  }
  return p;
}

function rotationState(s: Expr | undefined, err: (s: string, at: Expr) => void): ObjectExpr | NullExpr {
  if (s === undefined) return implicitNull();
  if (s.kind !== 'object') {
    err('rotation state must be an object literal', s);
    return implicitNull();
  }
  return s;
}

/** The provider name of a short form: a string expression whose syntax is the builtin key. */
function providerName(name: string, node: ObjectNode): StringExpr {
  return { kind: 'string', value: name, syntax: node.entries[0]!.key };
}

function implicitNull(): NullExpr {
  return { kind: 'null' };
}

function opt<K extends string, V>(k: K, v: V | undefined): { [P in K]?: V } {
  return (v === undefined ? {} : { [k]: v }) as { [P in K]?: V };
}
