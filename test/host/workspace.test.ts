// The workspace host: environment names, root resolution, name → file mapping, the parse cache and
// listing.

import { strict as assert } from 'node:assert';
import { mkdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseEnvironmentName } from '../../server/src/host/environmentNames';
import { Workspace } from '../../server/src/host/workspace';
import { resolveWorkspaceRoot } from '../../server/src/host/workspaceRoot';
import { runInProcess, scratch } from '../cli/cliHarness';

test('environment names: one part is the default project, three parts ignore the org', () => {
  const cases: Array<[string, string, string, string]> = [
    ['dev', 'default', 'dev', 'dev'],
    ['acme/dev', 'acme', 'dev', 'acme/dev'],
    ['myorg/acme/dev', 'acme', 'dev', 'acme/dev'],
    ['default/dev', 'default', 'dev', 'dev'],
    ['a.b/c_d-e', 'a.b', 'c_d-e', 'a.b/c_d-e'],
  ];
  for (const [text, project, env, canonical] of cases) {
    const r = parseEnvironmentName(text);
    assert.ok(r.ok, text);
    assert.deepEqual(r.name, { project, env, canonical, qualified: `${project}/${env}` });
  }
});

test('environment names that could escape the root, or are not names, are rejected', () => {
  const bad: Array<[string, RegExp]> = [
    ['', /the name is empty/],
    ['..', /"\.\." may not be used/],
    ['acme/..', /"\.\." may not be used/],
    ['./dev', /"\." may not be used/],
    ['/etc/passwd', /absolute paths/],
    ['C:\\x', /absolute paths/],
    ['acme//dev', /empty name segment/],
    ['acme/dev/', /empty name segment/],
    ['a\\b', /may only contain/],
    ['a b', /may only contain/],
    ['a\0b', /may only contain/],
    ['a/b/c/d', /expected \[org\/\]\[project\/\]env/],
    ['acme/dev@2', /versions are not available locally/],
    ['acme/dev@stable', /use "acme\/dev"/],
  ];
  for (const [text, why] of bad) {
    const r = parseEnvironmentName(text);
    assert.ok(!r.ok, text);
    assert.match(r.error, why, text);
  }
});

test('root: --root, then $ESC_LOCAL_ROOT, then ./environments, then the current directory', () => {
  const s = scratch();
  try {
    mkdirSync(join(s.dir, 'a'));
    mkdirSync(join(s.dir, 'b'));
    assert.deepEqual(resolveWorkspaceRoot({ flag: 'a', env: { ESC_LOCAL_ROOT: 'b' }, cwd: s.dir }), { ok: true, root: join(s.dir, 'a'), origin: 'flag' });
    assert.deepEqual(resolveWorkspaceRoot({ env: { ESC_LOCAL_ROOT: 'b' }, cwd: s.dir }), { ok: true, root: join(s.dir, 'b'), origin: 'env' });
    assert.deepEqual(resolveWorkspaceRoot({ env: { ESC_LOCAL_ROOT: '' }, cwd: s.dir }), { ok: true, root: s.dir, origin: 'cwd' });
    mkdirSync(join(s.dir, 'environments'));
    assert.deepEqual(resolveWorkspaceRoot({ env: {}, cwd: s.dir }), { ok: true, root: join(s.dir, 'environments'), origin: 'environments' });
    const missing = resolveWorkspaceRoot({ env: { ESC_LOCAL_ROOT: 'zzz' }, cwd: s.dir });
    assert.deepEqual(missing, { ok: false, error: 'workspace root "zzz" (from $ESC_LOCAL_ROOT) does not exist' });
    writeFileSync(join(s.dir, 'file'), '');
    assert.deepEqual(resolveWorkspaceRoot({ flag: 'file', env: {}, cwd: s.dir }), { ok: false, error: 'workspace root "file" (from --root) is not a directory' });
  } finally {
    s.dispose();
  }
});

test('files: .yaml before .yml, symlinks inside the root are fine, outside are refused', () => {
  const s = scratch();
  try {
    s.write('root/acme/both.yaml', 'values: {a: 1}\n');
    s.write('root/acme/both.yml', 'values: {a: 2}\n');
    s.write('root/acme/only.yml', 'values: {a: 3}\n');
    s.write('root/acme/target.yaml', 'values: {a: 4}\n');
    s.write('secret.yaml', 'values: {leak: 1}\n');
    symlinkSync(join(s.dir, 'root/acme/target.yaml'), join(s.dir, 'root/acme/inside.yaml'));
    symlinkSync(join(s.dir, 'secret.yaml'), join(s.dir, 'root/acme/outside.yaml'));
    symlinkSync(s.dir, join(s.dir, 'root/up'));
    const ws = new Workspace(join(s.dir, 'root'));
    const path = (n: string) => {
      const r = ws.resolve(n);
      return r.ok ? r.value.path : r.error;
    };
    assert.equal(path('acme/both'), join(s.dir, 'root/acme/both.yaml'));
    assert.equal(path('acme/only'), join(s.dir, 'root/acme/only.yml'));
    assert.equal(path('org/acme/inside'), join(s.dir, 'root/acme/inside.yaml'));
    assert.equal(path('acme/outside'), 'environment "acme/outside": acme/outside.yaml is a link to a file outside the workspace root');
    assert.equal(path('up/secret'), 'environment "up/secret": up/secret.yaml is a link to a file outside the workspace root');
    assert.deepEqual(
      ws.list().map((e) => e.name.qualified),
      ['acme/both', 'acme/inside', 'acme/only', 'acme/target'],
    );
  } finally {
    s.dispose();
  }
});

test('the parse cache reuses unchanged documents and re-parses changed ones; overlays win', () => {
  const s = scratch();
  try {
    const file = s.write('root/acme/env.yaml', 'values: {a: 1}\n');
    let overlay: string | undefined;
    const ws = new Workspace(join(s.dir, 'root'), { overlay: (p) => (p === file ? overlay : undefined) });
    const load = () => {
      const r = ws.load('acme/env');
      assert.ok(r.ok);
      return r.value.doc;
    };
    const first = load();
    assert.equal(load(), first, 'unchanged file: same parsed document');
    writeFileSync(file, 'values: {a: 22}\n');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const second = load();
    assert.notEqual(second, first);
    assert.equal(second.doc.source.text, 'values: {a: 22}\n');
    overlay = 'values: {a: 3}\n';
    assert.equal(load().doc.source.text, overlay);
    assert.equal(load(), load(), 'unchanged overlay: same document');
  } finally {
    s.dispose();
  }
});

test('the loader names documents canonically and records what it served', () => {
  const s = scratch();
  try {
    s.write('root/default/base.yaml', 'values: {a: 1}\n');
    const ws = new Workspace(join(s.dir, 'root'));
    const loader = ws.loader();
    const loaded = loader.loadEnvironment('default/base');
    assert.equal((loaded.source as { name: string }).name, 'base');
    assert.deepEqual([...loader.loaded.keys()], ['base']);
    assert.throws(() => loader.loadEnvironment('../x'), /invalid environment name "\.\.\/x"/);
    assert.throws(() => loader.loadEnvironment('acme/none'), /environment "acme\/none" not found/);
  } finally {
    s.dispose();
  }
});

test('esc-local ls lists environments with their imports (text and json)', async () => {
  const s = scratch();
  try {
    s.write('root/acme/base.yaml', 'values: {a: 1}\n');
    s.write('root/acme/dev.yaml', 'imports:\n  - acme/base\n  - shared\nvalues: {b: 2}\n');
    s.write('root/default/shared.yaml', 'values: {c: 3}\n');
    s.write('root/acme/broken.yaml', 'values: [\n');
    s.write('root/.hidden/x.yaml', 'values: {}\n');
    const text = await runInProcess(['ls', '--root', 'root'], { cwd: s.dir, tmpdir: s.dir });
    assert.equal(
      text.stdout,
      [
        'acme/base    root/acme/base.yaml',
        'acme/broken  root/acme/broken.yaml  (cannot be read: run esc-local check)',
        'acme/dev     root/acme/dev.yaml  imports: acme/base, shared',
        'shared       root/default/shared.yaml',
        '',
      ].join('\n'),
    );
    const json = await runInProcess(['ls', '--format', 'json', '--root', 'root'], { cwd: s.dir, tmpdir: s.dir });
    assert.deepEqual(JSON.parse(json.stdout)[2], { name: 'acme/dev', file: 'root/acme/dev.yaml', imports: ['acme/base', 'shared'] });
  } finally {
    s.dispose();
  }
});
