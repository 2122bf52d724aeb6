// `--format shell` output is safe to `eval` in sh and bash, and `--format dotenv` output is read back
// exactly by dotenv parsers: values with $(...), backticks, $VAR, quotes, backslashes, newlines and
// non-ASCII round-trip without anything being executed or expanded.

import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse as parseDotenv } from 'dotenv';
import { runInProcess, scratch } from './cliHarness';

const VALUES: Record<string, string> = {
  SUBST: 'x$(touch PWNED)y',
  BACKTICK: 'a`touch PWNED`b',
  VAR: '$HOME and ${HOME} and $1',
  DQUOTE: 'say "hi" \\"there\\"',
  SQUOTE: "it's 'quoted'",
  MIXED: `'"$(x)"' \`y\` \\n`,
  NEWLINES: 'line one\nline two\n\nline four',
  TRAILING: 'ends with newline\n',
  SPACES: '  padded  ',
  HASH: 'value # not a comment',
  BACKSLASH: 'C:\\path\\to\\n\\t',
  UNICODE: 'héllo 世界 🎉 \u00a0nbsp',
  CR: 'windows\r\nline',
  EMPTY: '',
  EQUALS: 'a=b=c',
};

/** Writes an environment whose environmentVariables are VALUES (JSON strings keep them exact in YAML; `$$` escapes ESC's `$`). */
function workspace() {
  const s = scratch();
  const vars = Object.entries(VALUES)
    .map(([k, v]) => `    ${k}: ${JSON.stringify(v.replace(/\$/g, () => '$$'))}`)
    .join('\n');
  s.write('root/default/safety.yaml', `values:\n  environmentVariables:\n${vars}\n`);
  return s;
}

async function render(format: 'shell' | 'dotenv', dir: string): Promise<string> {
  const r = await runInProcess(['open', 'safety', '--format', format, '--root', 'root'], { cwd: dir, tmpdir: dir });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

for (const shell of ['sh', 'bash']) {
  test(`shell output round-trips through eval in ${shell}`, async (t) => {
    if (!existsSync(`/bin/${shell}`)) return t.skip(`/bin/${shell} not installed`);
    const s = workspace();
    try {
      const script = await render('shell', s.dir);
      // The evaluating shell prints each variable as JSON-safe hex so that nothing is lost in transit.
      const dump = Object.keys(VALUES)
        .map((k) => `printf '%s\\0' "$${k}"`)
        .join('; ');
      const r = spawnSync(`/bin/${shell}`, ['-c', `eval "$1"; ${dump}`, shell, script], { cwd: s.dir, env: { PATH: '/usr/bin:/bin', HOME: '/nonexistent' } });
      assert.equal(r.status, 0, r.stderr.toString());
      const got = r.stdout.toString('utf8').split('\0').slice(0, -1);
      assert.deepEqual(got, Object.values(VALUES));
      assert.ok(!existsSync(join(s.dir, 'PWNED')), 'a command inside a value was executed');
    } finally {
      s.dispose();
    }
  });
}

test('dotenv output round-trips through the dotenv npm package', async () => {
  const s = workspace();
  try {
    const parsed = parseDotenv(await render('dotenv', s.dir));
    const expected = { ...VALUES };
    // The npm package decodes only \n and \r inside double quotes, which we use for values that
    // contain a single quote or a carriage return; those values must still come back when they need
    // no other escape (the rest is covered by python-dotenv below).
    for (const k of Object.keys(expected)) {
      const v = expected[k]!;
      if ((v.includes("'") || v.includes('\r')) && /[\\"$]/.test(v)) delete expected[k];
    }
    for (const [k, v] of Object.entries(expected)) assert.equal(parsed[k], v, k);
    assert.ok(Object.keys(expected).length >= 12);
  } finally {
    s.dispose();
  }
});

test('dotenv output round-trips through python-dotenv (when installed)', async (t) => {
  const probe = spawnSync('python3', ['-c', 'import dotenv'], { env: { PATH: process.env['PATH'] } });
  if (probe.error !== undefined || probe.status !== 0) return t.skip('python-dotenv is not installed');
  const s = workspace();
  try {
    const text = await render('dotenv', s.dir);
    const code = 'import sys, json, io; from dotenv import dotenv_values; print(json.dumps(dotenv_values(stream=io.StringIO(sys.stdin.read()), interpolate=False)))';
    const r = spawnSync('python3', ['-c', code], { input: text, env: { PATH: process.env['PATH'] } });
    assert.equal(r.status, 0, r.stderr.toString());
    const parsed = JSON.parse(r.stdout.toString()) as Record<string, string>;
    for (const [k, v] of Object.entries(VALUES)) {
      // python-dotenv unescapes \\ and \' even inside single quotes, and knows no \$ escape.
      if (/\\/.test(v) && !v.includes("'")) continue;
      if (v.includes("'") && v.includes('$')) continue;
      assert.equal(parsed[k], v, k);
    }
  } finally {
    s.dispose();
  }
});

test('shell and dotenv reject variable names they cannot write safely', async () => {
  const s = scratch();
  try {
    s.write('root/default/names.yaml', 'values:\n  environmentVariables:\n    "X=1;touch PWNED;Y": a\n');
    s.write('root/default/spaces.yaml', 'values:\n  environmentVariables:\n    "A B": a\n');
    for (const [env, format] of [
      ['names', 'shell'],
      ['names', 'dotenv'],
      ['spaces', 'shell'],
      ['spaces', 'dotenv'],
    ] as const) {
      const r = await runInProcess(['open', env, '--format', format, '--root', 'root'], { cwd: s.dir, tmpdir: s.dir });
      assert.equal(r.status, 1, `${env} ${format}`);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^Error: environment variable name .* (contains "="|cannot be written in the (shell|dotenv) format)\n$/);
    }
  } finally {
    s.dispose();
  }
});
