// The reference harness's test providers and rotators (spec §14.4), used by the conformance runner
// and our own fixtures. Not shipped: the product's providers live in the server's host layer.

import {
  NumberText,
  Schema,
  always,
  never,
  type ExecContext,
  type Provider,
  type ProviderLoader,
  type Rotator,
  type Value,
} from '../../engine/src/index';
import {
  anyOfSchema,
  arraySchema,
  booleanSchema,
  mapSchema,
  nullSchema,
  numberSchema,
  oneOfSchema,
  recordSchema,
  refSchema,
  stringSchema,
  tupleSchema,
  typed,
} from '../../engine/src/schema/schema';

const ZERO = { line: 0, column: 0, byte: 0 };
const noTrace = () => ({ def: { environment: '', begin: ZERO, end: ZERO } });

/** Wraps a map of values as a value. */
function mapValue(m: Map<string, Value> | null, secret = false): Value {
  const v: Value = { trace: noTrace() };
  if (m !== null) v.value = m;
  if (secret) v.secret = true;
  return v;
}

/** A provider with fixed schemas and an open function. */
function provider(inputs: Schema, outputs: Schema, open: (inputs: Map<string, Value>, ctx: ExecContext) => Value): Provider {
  return { schema: () => ({ inputs, outputs }), open };
}

/** The `schema` provider's schema S (spec §14.4). */
export function schemaProviderSchema(): Schema {
  const s = typed('object');
  s.defs = new Map([['defRecord', recordSchema(new Map([['baz', stringSchema('qux')]]))]]);
  const n = (t: string) => new NumberText(t);
  const withField = (base: Schema, f: Partial<Schema>) => Object.assign(base, f);
  const constArray = typed('array');
  constArray.const = ['hello', n('42')];
  const constObject = typed('object');
  constObject.const = new Map([['hello', 'world']]);
  const enumSchema = stringSchema();
  enumSchema.enum = ['foo', 'bar'];
  const dependentReq = typed('object');
  dependentReq.properties = new Map([
    ['foo', stringSchema()],
    ['bar', numberSchema()],
  ]);
  dependentReq.dependentRequired = new Map([['foo', ['bar']]]);
  s.properties = new Map<string, Schema>([
    ['null', nullSchema()],
    ['boolean', booleanSchema()],
    ['false', booleanSchema(false)],
    ['true', booleanSchema(true)],
    ['number', numberSchema()],
    ['pi', numberSchema(n('3.14'))],
    ['string', stringSchema()],
    ['hello', stringSchema('hello')],
    ['array', arraySchema(always())],
    ['tuple', tupleSchema([stringSchema('hello'), stringSchema('world')])],
    ['map', mapSchema(always())],
    ['record', recordSchema(new Map([['foo', stringSchema()]]))],
    ['anyOf', anyOfSchema([stringSchema(), numberSchema()])],
    ['oneOf', oneOfSchema([stringSchema(), numberSchema()])],
    ['ref', refSchema('#/$defs/defRecord')],
    ['const-array', constArray],
    ['const-object', constObject],
    ['enum', enumSchema],
    ['never', never()],
    ['always', always()],
    ['double', tupleSchema([stringSchema(), numberSchema()])],
    ['triple', tupleSchema([stringSchema(), numberSchema(), booleanSchema()])],
    ['dependentReq', dependentReq],
    ['multiple', withField(numberSchema(), { multipleOf: '2' })],
    ['minimum', withField(numberSchema(), { minimum: '1' })],
    ['exclusiveMinimum', withField(numberSchema(), { exclusiveMinimum: '1' })],
    ['maximum', withField(numberSchema(), { maximum: '1' })],
    ['exclusiveMaximum', withField(numberSchema(), { exclusiveMaximum: '1' })],
    ['minLength', withField(stringSchema(), { minLength: '1' })],
    ['maxLength', withField(stringSchema(), { maxLength: '1' })],
    ['pattern', withField(stringSchema(), { pattern: '^foo[0-9]+$' })],
    ['minItems', withField(typed('array'), { minItems: '3' })],
    ['maxItems', withField(typed('array'), { maxItems: '2' })],
    ['minProperties', withField(typed('object'), { minProperties: '1' })],
    ['maxProperties', withField(typed('object'), { maxProperties: '1' })],
  ]);
  return s;
}

function swapRotator(): Rotator {
  const ab = () => recordSchema(new Map([['a', stringSchema()], ['b', stringSchema()]]));
  return {
    schema: () => ({ inputs: always(), state: ab(), outputs: ab() }),
    open: (_inputs, state) => mapValue(state ?? new Map()),
    rotate: (_inputs, state) => {
      const a = state?.get('a') ?? mapValue(null);
      const b = state?.get('b') ?? mapValue(null);
      return mapValue(new Map([['a', b], ['b', a]]));
    },
  };
}

function echoRotator(): Rotator {
  const inputs = recordSchema(new Map([['next', stringSchema()]]));
  inputs.rotateOnly = ['next'];
  const state = () => {
    const s = typed('object');
    s.properties = new Map([['current', stringSchema()], ['previous', stringSchema()]]);
    s.required = ['current'];
    return s;
  };
  return {
    schema: () => ({ inputs, state: state(), outputs: state() }),
    open: (args, st) => {
      const next = args.get('next');
      const current = st?.get('current');
      if (next !== undefined && !next.unknown && next.value !== current?.value) {
        throw new Error('oh no! inputs were evaluated outside of rotation');
      }
      // The reference returns the state map even when it is nil, which the evaluator sees as {}.
      return mapValue(st ?? new Map());
    },
    rotate: (args, st) => {
      const next = args.get('next');
      if (next === undefined || next.unknown) throw new Error('oh no! rotateOnly inputs were not evaluated during rotation');
      return mapValue(new Map([['current', next], ['previous', st?.get('current') ?? mapValue(null)]]));
    },
  };
}

/** Returns the loader of the reference harness's providers and rotators. */
export function testProviders(): ProviderLoader {
  const providers = new Map<string, () => Provider>([
    ['test', () => provider(always(), always(), (i) => mapValue(i))],
    [
      'error',
      () =>
        provider(recordSchema(new Map([['why', stringSchema()]])), always(), (i) => {
          const why = i.get('why')?.value;
          throw new Error(typeof why === 'string' ? why : '');
        }),
    ],
    ['secret-wrapper', () => provider(always(), always(), (i) => mapValue(i, true))],
    ['bench', () => provider(always(), always(), () => ({ value: '0s', trace: noTrace() }))],
    ['schema', () => provider(schemaProviderSchema(), schemaProviderSchema(), (i) => mapValue(i))],
  ]);
  const rotators = new Map<string, () => Rotator>([
    ['swap', swapRotator],
    ['echo', echoRotator],
  ]);
  return {
    loadProvider(name) {
      const p = providers.get(name);
      if (p === undefined) throw new Error(`unknown provider ${JSON.stringify(name)}`);
      return p();
    },
    loadRotator(name) {
      const r = rotators.get(name);
      if (r === undefined) throw new Error(`unknown rotator ${JSON.stringify(name)}`);
      return r();
    },
  };
}
