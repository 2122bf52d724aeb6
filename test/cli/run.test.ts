// `esc-local run` as a real process: exit statuses, signals, the child's environment, and temporary
// files removed on normal exit, SIGINT, SIGTERM and when the command cannot start.

import { strict as assert } from 'node:assert';
import { chmodSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, after, test } from 'node:test';
import { requireBundle, startCli } from './cliProcess';
import { scratch, type Scratch } from './cliHarness';

let s: Scratch;
let env: Record<string, string>;
const tmp = () => join(s.dir, 'tmp');

before(() => {
  requireBundle();
  s = scratch();
  mkdirSync(tmp());
  s.write(
    'root/acme/app.yaml',
    [
      'values:',
      '  token: {fn::secret: s3cr3t-token}',
      '  environmentVariables:',
      '    TOKEN: ${token}',
      '    PLAIN: plain',
      '  files:',
      '    CONFIG: "token=${token}"',
      '',
    ].join('\n'),
  );
  s.write('root/acme/badname.yaml', 'values:\n  environmentVariables:\n    "A=B": x\n  files:\n    F: y\n');
  s.write('root/acme/nulname.yaml', 'values:\n  environmentVariables:\n    "A\\0B": x\n  files:\n    F: y\n');
  s.write('root/acme/nulvalue.yaml', 'values:\n  environmentVariables:\n    A: "x\\0y"\n  files:\n    F: y\n');
  const badInterpreter = s.write('bin/bad-interpreter', '#!/nonexistent/interpreter\n');
  chmodSync(badInterpreter, 0o755);
  env = { PATH: `${join(s.dir, 'bin')}:/usr/bin:/bin`, TMPDIR: tmp(), ESC_LOCAL_ROOT: join(s.dir, 'root') };
});

after(() => s.dispose());

function assertNoTempFiles(): void {
  assert.deepEqual(readdirSync(tmp()), [], 'temporary files were left behind');
}

async function run(args: string[]) {
  const p = startCli(['run', ...args], env, s.dir);
  const r = await p.done;
  return { ...r, stdout: p.stdout(), stderr: p.stderr() };
}

test('the child sees variables, file paths and PULUMI_ESC_*; files are removed afterwards', async () => {
  const r = await run(['acme/app', '--', 'sh', '-c', 'echo "$PLAIN $PULUMI_ESC_ENVIRONMENT $PULUMI_ESC_PROJECT $PULUMI_ESC_ENVIRONMENT_NAME"; cat "$CONFIG"; echo; stat -c %a "$CONFIG" "$(dirname "$CONFIG")"']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'plain acme/app acme app\n[secret]\n600\n700\n');
  assertNoTempFiles();
});

test('secrets are redacted unless -i; ${path} arguments are interpolated', async () => {
  const redacted = await run(['acme/app', '--', 'sh', '-c', 'echo "$TOKEN"; echo "$1" >&2', 'sh', 'arg=${token}']);
  assert.equal(redacted.stdout, '[secret]\n');
  assert.equal(redacted.stderr, 'arg=[secret]\n');
  const revealed = await run(['acme/app', '-i', '--', 'sh', '-c', 'echo "$TOKEN"', 'sh']);
  assert.equal(revealed.stdout, 's3cr3t-token\n');
});

test("the child's exit status becomes ours", async () => {
  const r = await run(['acme/app', '--', 'sh', '-c', 'exit 7']);
  assert.equal(r.status, 7);
  assertNoTempFiles();
});

test('a command killed by a signal: one-line error, status 128+n, no files left', async () => {
  // `$$$$` is `$$` after esc-local's own `$$` unescaping: the shell's process id.
  const r = await run(['acme/app', '--', 'sh', '-c', 'kill -9 $$$$']);
  assert.equal(r.status, 137);
  assert.equal(r.stderr, 'Error: command sh was killed by signal SIGKILL\n');
  assertNoTempFiles();
});

for (const [signal, status] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  test(`${signal} is forwarded to the child and the files are removed`, async () => {
    const p = startCli(['run', 'acme/app', '--', 'sh', '-c', 'echo ready; exec sleep 30'], env, s.dir);
    await p.waitFor('ready');
    assert.equal(readdirSync(tmp()).length, 1, 'the private directory exists while the command runs');
    p.child.kill(signal);
    const r = await p.done;
    assert.equal(r.status, status, p.stderr());
    assert.equal(p.stderr(), `Error: command sh was killed by signal ${signal}\n`);
    assertNoTempFiles();
  });
}

test('a command that cannot start: one-line error, non-zero status, no files left', async () => {
  const r = await run(['acme/app', '--', 'bad-interpreter']);
  assert.equal(r.status, 127);
  assert.match(r.stderr, /^Error: starting bad-interpreter: spawn .*ENOENT\n$/);
  assertNoTempFiles();
});

test('bad input: each is a one-line error with a non-zero status, and no files are left', async () => {
  const cases: Array<[string[], RegExp, number]> = [
    [['acme/app', '--', 'no-such-command-xyz'], /^Error: resolving command: "no-such-command-xyz" not found in \$PATH\n$/, 127],
    [['acme/missing', '--', 'true'], /^Error: environment "acme\/missing" not found: no file acme\/missing\.yaml or acme\/missing\.yml in the workspace root\n$/, 1],
    [['--', 'true'], /^Error: no environment specified\n$/, 1],
    [['acme/app'], /^Error: no command specified\n$/, 1],
    [['acme/badname', '--', 'true'], /^Error: environment variable name "A=B" contains "="\n$/, 1],
    [['acme/nulname', '--', 'true'], /^Error: environment variable name "A\\u0000B" contains a NUL character\n$/, 1],
    [['acme/nulvalue', '--', 'true'], /^Error: the value of environment variable A contains a NUL character\n$/, 1],
    [['--root', join(s.dir, 'nope'), 'acme/app', '--', 'true'], /^Error: workspace root ".*nope" \(from --root\) does not exist\n$/, 1],
  ];
  for (const [args, message, status] of cases) {
    const r = await run(args);
    assert.equal(r.status, status, args.join(' '));
    assert.match(r.stderr, message, args.join(' '));
    assert.equal(r.stdout, '');
    assertNoTempFiles();
  }
});

test('binary output passes through redaction unchanged', async () => {
  const file = join(s.dir, 'blob.bin');
  const bytes = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 31 + (i >> 8)) % 256));
  writeFileSync(file, bytes);
  const p = startCli(['run', 'acme/app', '--', 'cat', file], env, s.dir);
  const chunks: Buffer[] = [];
  p.child.stdout!.on('data', (c: Buffer) => chunks.push(c));
  const r = await p.done;
  assert.equal(r.status, 0);
  assert.ok(Buffer.concat(chunks).equals(bytes));
});
