// The client's command lines for terminal shells: POSIX quoting checked by a real /bin/sh, the other
// families by their rules.

import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { commandLine, quoteArgument, shellInvocation, shellKind } from '../../client/src/shellQuoting';

const HOSTILE = ['plain', 'with space', "it's", '$HOME', '`id`', '$(id)', 'a"b', 'back\\slash', 'line\nbreak', '', '*', '--flag=x', 'ünï €', "'", "''"];

test('shell families are recognised from the shell path', () => {
  const cases: [string, string][] = [
    ['/bin/bash', 'posix'],
    ['/usr/bin/zsh', 'posix'],
    ['/bin/sh', 'posix'],
    ['/usr/local/bin/fish', 'fish'],
    ['C:\\Program Files\\PowerShell\\7\\pwsh.exe', 'pwsh'],
    ['powershell.exe', 'pwsh'],
    ['C:\\Windows\\System32\\cmd.exe', 'cmd'],
    ['', 'posix'],
  ];
  for (const [path, kind] of cases) assert.equal(shellKind(path), kind, path);
});

test('a POSIX shell passes every quoted argument through unchanged', () => {
  const line = commandLine(['printf', '%s\\0', ...HOSTILE], 'posix');
  const r = spawnSync('/bin/sh', ['-c', line], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(r.stdout.split('\0').slice(0, -1), HOSTILE);
});

test('plain arguments stay unquoted for POSIX shells and fish', () => {
  assert.equal(quoteArgument('/usr/bin/node', 'posix'), '/usr/bin/node');
  assert.equal(quoteArgument('acme/dev', 'fish'), 'acme/dev');
  assert.equal(quoteArgument('a b', 'posix'), "'a b'");
});

test('fish escapes only backslash and quote inside single quotes', () => {
  assert.equal(quoteArgument("it's \\ $x", 'fish'), "'it\\'s \\\\ $x'");
});

test('PowerShell doubles single quotes and calls the program with &', () => {
  assert.equal(quoteArgument("it's", 'pwsh'), "'it''s'");
  assert.equal(commandLine(['C:\\node.exe', 'a b'], 'pwsh'), "& 'C:\\node.exe' 'a b'");
});

test('cmd.exe doubles double quotes', () => {
  assert.equal(quoteArgument('say "hi"', 'cmd'), '"say ""hi"""');
  assert.equal(quoteArgument('C:\\node.exe', 'cmd'), 'C:\\node.exe');
});

test('each family runs a command string its own way', () => {
  assert.deepEqual(shellInvocation('/bin/bash', 'echo $X'), ['/bin/bash', '-c', 'echo $X']);
  assert.deepEqual(shellInvocation('pwsh', 'echo $env:X'), ['pwsh', '-NoProfile', '-Command', 'echo $env:X']);
  assert.deepEqual(shellInvocation('cmd.exe', 'echo %X%'), ['cmd.exe', '/d', '/s', '/c', 'echo %X%']);
});
