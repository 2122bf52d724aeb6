// The generated JSON Schema of environment documents, validated with ajv (strict mode) against
// documents that ESC accepts and documents it rejects.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { catalogue } from '../../engine/src/index';
import { schemaFileText } from '../../server/src/tools/buildSchema';
import { repoRoot } from '../util/conformance';
import { yaml } from './harness';

const ajv = new Ajv({ strict: true, allErrors: true });
const validate = ajv.compile(JSON.parse(schemaFileText()) as object);

function errorsOf(text: string): string[] {
  const ok = validate(parse(text));
  return ok ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

function accepts(text: string): void {
  assert.deepEqual(errorsOf(text), [], text);
}

function rejects(text: string, at: string): void {
  const errors = errorsOf(text);
  assert.ok(errors.length > 0, `rejected:\n${text}`);
  assert.ok(
    errors.some((e) => e.startsWith(at + ' ')),
    `an error at ${at}:\n${errors.join('\n')}`,
  );
}

describe('the JSON Schema of environments', () => {
  test('is a valid draft-07 schema under ajv strict mode, with every provider and rotator', () => {
    const schema = JSON.parse(schemaFileText()) as { definitions: Record<string, unknown> };
    for (const e of catalogue()) assert.ok(schema.definitions[`${e.kind}-${e.name}`], `${e.kind} ${e.name}`);
  });

  test('accepts every catalogue example, in short and long form', () => {
    for (const e of catalogue()) {
      const example = e.example.split('\n').map((l) => '    ' + l);
      accepts(yaml('values:', '  x:', ...example));
      const long = parse(e.example) as Record<string, unknown>;
      const arg = long[Object.keys(long)[0]!];
      const call =
        e.kind === 'provider'
          ? { 'fn::open': { provider: e.name, inputs: arg } }
          : { 'fn::rotate': { provider: e.name, ...(arg as object) } };
      assert.deepEqual(errorsOf(JSON.stringify({ values: { x: call } })), [], `${e.name} long form`);
    }
  });

  test('accepts the shipped example workspace', () => {
    const dir = join(repoRoot, 'examples', 'environments');
    let n = 0;
    for (const project of readdirSync(dir)) {
      for (const f of readdirSync(join(dir, project)).filter((x) => x.endsWith('.yaml'))) {
        accepts(readFileSync(join(dir, project, f), 'utf8'));
        n++;
      }
    }
    assert.ok(n > 0);
  });

  test('accepts expressions wherever values go', () => {
    accepts(
      yaml(
        'description: app settings',
        'imports:',
        '  - base',
        '  - other: {merge: false}',
        'values:',
        '  aws:',
        '    login:',
        '      fn::open::aws-login:',
        '        static:',
        '          accessKeyId: ${keys.id}',
        '          secretAccessKey: {fn::secret: s}',
        '  secrets:',
        '    fn::open::aws-secrets: {region: "${region}", login: "${aws.login}", get: {db: {secretId: db}}}',
        '  gcp:',
        '    fn::open::gcp-login: {project: "${projectNumber}", accessToken: {accessToken: t}}',
        '  joined: {fn::join: [",", [a, b]]}',
        '  nested: {a: [1, {b: {fn::toJSON: {c: true}}}]}',
        '  environmentVariables: {A: "${joined}"}',
      ),
    );
  });

  test('rejects what ESC rejects', () => {
    rejects(yaml('valeus: {a: 1}'), '');
    rejects(yaml('values:', '  x:', '    fn::open::aws-secret: {}'), '/values/x');
    rejects(yaml('values:', '  x:', '    fn::open::aws-secrets: {login: {accessKeyId: a, secretAccessKey: b}, get: {a: {secretId: s}}}'), '/values/x/fn::open::aws-secrets');
    rejects(yaml('values:', '  x:', '    fn::open::gcp-login: {project: my-project, accessToken: {accessToken: t}}'), '/values/x/fn::open::gcp-login/project');
    rejects(yaml('values:', '  x:', '    fn::open::external: {url: "http://insecure.example.com"}'), '/values/x/fn::open::external/url');
    rejects(yaml('values:', '  x:', '    fn::rotate::password: {inputs: {length: 4}}'), '/values/x/fn::rotate::password/inputs/length');
    rejects(yaml('values:', '  x:', '    fn::open: {provider: aws-login, inputs: {static: {accessKeyId: 1, secretAccessKey: b}}}'), '/values/x/fn::open/inputs/static/accessKeyId');
    rejects(yaml('values:', '  fn::secret: x'), '/values');
    rejects(yaml('values:', '  x: {fn::nope: 1}'), '/values/x');
    rejects(yaml('imports:', '  - {a: {}, b: {}}'), '/imports/0');
  });
});
