// Hostile inputs from issue 2: each is answered with diagnostics, never an exception, and finishes
// (the node:test timeout catches hangs; speed itself is measured in `npm run bench`, not here).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkEnvironment, evalEnvironment, loadYAML, type Diagnostic, type EnvironmentLoader } from '../../engine/src/index';
import { testProviders } from '../hosts/testProviders';

const TIMEOUT = { timeout: 120_000 };

function check(text: string | Uint8Array, loader?: EnvironmentLoader): { load: Diagnostic[]; check: Diagnostic[] } {
  const loaded = loadYAML('env', text);
  const checked = checkEnvironment('env', loaded.decl, { environments: loader, providers: testProviders() });
  return { load: [...loaded.diagnostics], check: checked.diagnostics };
}

const summaries = (ds: Diagnostic[]) => ds.map((d) => d.summary);

test('invalid UTF-8 is a load error at the first bad byte', TIMEOUT, () => {
  const bytes = new Uint8Array([...Buffer.from('values:\n  a: '), 0xff, 0xfe, ...Buffer.from('\n')]);
  const r = check(bytes);
  assert.equal(r.load.length, 1);
  assert.match(r.load[0]!.summary, /^yaml: .*UTF-8/);
  assert.equal(r.load[0]!.range?.begin.line, 2);
});

test('YAML syntax errors', TIMEOUT, () => {
  assert.deepEqual(summaries(check('values:\n  a: [1, 2\n').load), ["yaml: line 1: did not find expected ',' or ']'"]);
  assert.equal(check('values: {a: b\n').load.length, 1);
  assert.equal(check('\t- x\n').load.length, 1);
});

test('an alias bomb is rejected without expanding it', TIMEOUT, () => {
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 12; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
  const r = check('values:\n' + lines.map((l) => '  ' + l).join('\n') + '\n');
  assert.ok(r.load.some((d) => d.summary === 'alias nodes are not supported'));
});

test('10,000-deep nesting in flow and block style', TIMEOUT, () => {
  const flow = check('values:\n  a: ' + '['.repeat(10000) + ']'.repeat(10000) + '\n');
  assert.ok(flow.load.some((d) => /max nesting depth/.test(d.summary)));
  let block = 'values:\n';
  for (let i = 0; i < 10000; i++) block += ' '.repeat(2 + i) + 'k:\n';
  const r = check(block);
  assert.ok(r.load.some((d) => /max nesting depth/.test(d.summary)));
});

test('deep but allowed nesting evaluates', TIMEOUT, () => {
  const depth = 900;
  const r = check('values:\n  a: ' + '['.repeat(depth) + '1' + ']'.repeat(depth) + '\n  b: ${a}\n');
  assert.deepEqual(r.load, []);
  assert.deepEqual(r.check, []);
});

test('a 10 MB string', TIMEOUT, () => {
  const big = 'x'.repeat(10 * 1024 * 1024);
  const r = check(`values:\n  big: ${big}\n  copy: \${big}\n  joined:\n    fn::join: ["", ["\${big}", "\${big}"]]\n`);
  assert.deepEqual(r.load, []);
  assert.deepEqual(r.check, []);
});

test('exponential growth through references stops at the resource limit', TIMEOUT, () => {
  const lines = ['  l0: [a, a, a, a, a, a, a, a, a, a]'];
  for (let i = 1; i < 9; i++) lines.push(`  l${i}: [${Array(10).fill(`"\${l${i - 1}}"`).join(', ')}]`);
  const r = check('values:\n' + lines.join('\n') + '\n');
  assert.ok(r.check.some((d) => /too large to evaluate/.test(d.summary)), summaries(r.check).join('\n'));
});

test('long reference chains stop at the depth limit instead of overflowing the stack', TIMEOUT, () => {
  // v0 is evaluated first (keys are evaluated in sorted order) and pulls the whole chain behind it.
  const lines = ['  v4999: end'];
  for (let i = 0; i < 4999; i++) lines.push(`  v${i}: \${v${i + 1}}`);
  const r = check('values:\n' + lines.join('\n') + '\n');
  assert.ok(r.check.some((d) => /nest more than/.test(d.summary)), summaries(r.check).slice(0, 3).join('\n'));
});

test('cyclic imports and odd import names are diagnostics', TIMEOUT, async () => {
  const docs = new Map([
    ['a', 'imports: [b]\nvalues: {x: 1}\n'],
    ['b', 'imports: [a]\nvalues: {y: 2}\n'],
  ]);
  const loader: EnvironmentLoader = {
    loadEnvironment(name) {
      const d = docs.get(name);
      if (d === undefined) throw new Error(`environment ${JSON.stringify(name)} not found`);
      return { source: d };
    },
  };
  const r = check('imports: [a, ../../etc/passwd, /abs]\nvalues: {z: 3}\n', loader);
  assert.deepEqual(summaries(r.check).sort(), ['cyclic import of a', 'environment "../../etc/passwd" not found', 'environment "/abs" not found']);
  const evaluated = await evalEnvironment('env', loadYAML('env', 'imports: [a]\nvalues:\n  z: ${x}\n').decl, { environments: loader });
  assert.deepEqual(summaries(evaluated.diagnostics), ['cyclic import of a']);
});
