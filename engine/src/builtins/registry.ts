// The builtin registry: the single source of builtin names, declared schemas and documentation.
// The parser recognises builtins from it, the evaluator takes declared and argument schemas from it,
// and editor features (hover, completion) show its documentation.

import {
  always,
  arraySchema,
  recordSchema,
  stringSchema,
  tupleSchema,
  type Schema,
} from '../schema/schema.js';
import { jsonSchemaSchema } from '../schema/metaSchema.js';

/** Prefix of every builtin key. */
export const BUILTIN_PREFIX = 'fn::';
/** Prefix of the short `fn::open::<provider>` form. */
export const OPEN_PREFIX = 'fn::open::';
/** Prefix of the short `fn::rotate::<rotator>` form. */
export const ROTATE_PREFIX = 'fn::rotate::';

/** What the registry knows about one builtin. */
export interface BuiltinInfo {
  /** The key, e.g. `fn::join` (for the provider forms: `fn::open::<provider>`). */
  readonly name: string;
  /** One sentence. */
  readonly summary: string;
  /** The argument shape, as written in YAML. */
  readonly signature: string;
  /** A short, complete YAML example. */
  readonly example: string;
  /** The schema a call declares before evaluation (§5.13). */
  readonly resultSchema: () => Schema;
  /** The schema of the argument, as exported in `builtin.argSchema` (before a provider is loaded). */
  readonly argSchema: () => Schema;
}

const str = () => stringSchema();

const BUILTINS: readonly BuiltinInfo[] = [
  {
    name: 'fn::open',
    summary: 'Opens a provider (a dynamic source of values such as cloud credentials or secrets) with the given inputs.',
    signature: 'fn::open: {provider: <name>, inputs: <object>}',
    example: 'fn::open:\n  provider: aws-login\n  inputs:\n    static:\n      accessKeyId: AKIA...',
    resultSchema: always,
    argSchema: () => recordSchema(new Map([['provider', str()], ['inputs', always()]])),
  },
  {
    name: 'fn::open::<provider>',
    summary: 'Opens the named provider with the given inputs (short form of fn::open).',
    signature: 'fn::open::<provider>: <inputs>',
    example: 'fn::open::aws-login:\n  oidc:\n    roleArn: arn:aws:iam::123456789012:role/esc\n    sessionName: esc',
    resultSchema: always,
    argSchema: always,
  },
  {
    name: 'fn::rotate',
    summary: 'Rotates a secret with a rotator; the rotator keeps its current state in the document.',
    signature: 'fn::rotate: {provider: <name>, inputs: <object>, state: <object>}',
    example: 'fn::rotate:\n  provider: password\n  inputs:\n    length: 24\n  state: {}',
    resultSchema: always,
    argSchema: () => recordSchema(new Map([['provider', str()], ['inputs', always()], ['state', always()]])),
  },
  {
    name: 'fn::rotate::<rotator>',
    summary: 'Rotates a secret with the named rotator (short form of fn::rotate).',
    signature: 'fn::rotate::<rotator>: {inputs: <object>, state: <object>}',
    example: 'fn::rotate::password:\n  inputs:\n    length: 24\n  state: {}',
    resultSchema: always,
    argSchema: () => recordSchema(new Map([['inputs', always()], ['state', always()]])),
  },
  {
    name: 'fn::secret',
    summary: 'Marks a string as secret: it is masked in outputs and can be stored encrypted as a ciphertext.',
    signature: 'fn::secret: <string> | {ciphertext: <base64>}',
    example: 'fn::secret: hunter2',
    resultSchema: str,
    argSchema: always,
  },
  {
    name: 'fn::join',
    summary: 'Joins a list of strings with a delimiter.',
    signature: 'fn::join: [<delimiter>, [<string>, ...]]',
    example: 'fn::join: [",", [a, b, c]]   # "a,b,c"',
    resultSchema: str,
    argSchema: () => tupleSchema([str(), arraySchema(str())]),
  },
  {
    name: 'fn::split',
    summary: 'Splits a string on a delimiter into a list of strings (an empty delimiter splits into characters).',
    signature: 'fn::split: [<delimiter>, <string>]',
    example: 'fn::split: [",", "a,b,c"]   # [a, b, c]',
    resultSchema: () => arraySchema(str()),
    argSchema: () => tupleSchema([str(), str()]),
  },
  {
    name: 'fn::concat',
    summary: 'Concatenates a list of lists into one list.',
    signature: 'fn::concat: [[...], [...], ...]',
    example: 'fn::concat: [[a, b], [c]]   # [a, b, c]',
    resultSchema: () => arraySchema(always()),
    argSchema: () => arraySchema(arraySchema(always())),
  },
  {
    name: 'fn::toJSON',
    summary: 'Encodes a value as compact JSON text (keys sorted).',
    signature: 'fn::toJSON: <value>',
    example: 'fn::toJSON: {a: 1, b: [true]}   # {"a":1,"b":[true]}',
    resultSchema: str,
    argSchema: always,
  },
  {
    name: 'fn::fromJSON',
    summary: 'Decodes JSON text into a value.',
    signature: 'fn::fromJSON: <string>',
    example: "fn::fromJSON: '{\"a\": 1}'   # {a: 1}",
    resultSchema: always,
    argSchema: always,
  },
  {
    name: 'fn::toBase64',
    summary: 'Encodes a string as standard base64 (with padding).',
    signature: 'fn::toBase64: <string>',
    example: 'fn::toBase64: hello   # aGVsbG8=',
    resultSchema: str,
    argSchema: str,
  },
  {
    name: 'fn::fromBase64',
    summary: 'Decodes standard base64 text into a string.',
    signature: 'fn::fromBase64: <string>',
    example: 'fn::fromBase64: aGVsbG8=   # hello',
    resultSchema: str,
    argSchema: str,
  },
  {
    name: 'fn::toString',
    summary: 'Converts a value to a string (lists and objects in a quoted, comma-separated form).',
    signature: 'fn::toString: <value>',
    example: 'fn::toString: [a, b]   # "a","b"',
    resultSchema: str,
    argSchema: always,
  },
  {
    name: 'fn::final',
    summary: 'Marks a value as final: environments that import this one cannot override it.',
    signature: 'fn::final: <value>',
    example: 'fn::final: us-west-2',
    resultSchema: always,
    argSchema: always,
  },
  {
    name: 'fn::validate',
    summary: 'Validates a value against a JSON schema, reporting violations as errors; the value passes through.',
    signature: 'fn::validate: {schema: <JSON schema>, value: <value>}',
    example: 'fn::validate:\n  schema: {type: number, minimum: 1}\n  value: 3',
    resultSchema: always,
    argSchema: () => recordSchema(new Map([['schema', jsonSchemaSchema()], ['value', always()]])),
  },
];

const BY_NAME = new Map(BUILTINS.map((b) => [b.name, b]));

/** Returns every builtin, in documentation order. */
export function builtins(): readonly BuiltinInfo[] {
  return BUILTINS;
}

/** Returns the registry entry for a builtin key (`fn::open::aws-login` finds the provider form), or undefined. */
export function builtinInfo(key: string): BuiltinInfo | undefined {
  if (key.startsWith(OPEN_PREFIX)) return BY_NAME.get('fn::open::<provider>');
  if (key.startsWith(ROTATE_PREFIX)) return BY_NAME.get('fn::rotate::<rotator>');
  return BY_NAME.get(key);
}

/** Reports whether an object key is a builtin call (exact names, case-sensitive, plus the provider forms). */
export function isBuiltinKey(key: string): boolean {
  return BY_NAME.has(key) || key.startsWith(OPEN_PREFIX) || key.startsWith(ROTATE_PREFIX);
}
