// The client reads back exactly what the server's `shell` format writes, and refuses anything else.

import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { parseShellExports } from '../../client/src/shellExports';
import { renderEnviron } from '../../server/src/cli/formats/environFormats';

test('variables rendered in the shell format read back unchanged', () => {
  const values: [string, string][] = [
    ['PLAIN', 'hello'],
    ['EMPTY', ''],
    ['QUOTE', "it's"],
    ['QUOTES', "''"],
    ['MULTILINE', 'line 1\nline 2\n'],
    ['SHELLY', '$(id) `id` $HOME \\ "x"'],
    ['UNICODE', 'ünï € 😀'],
    ['EXPORTLIKE', "\nexport X='y'\n"],
  ];
  const rendered = renderEnviron(values.map(([key, value]) => ({ key, value, secret: false })), 'shell');
  assert.ok(rendered.ok);
  assert.deepEqual(parseShellExports(rendered.text), values);
});

test('an empty rendering has no variables', () => {
  assert.deepEqual(parseShellExports(''), []);
});

test('anything but the shell format is refused', () => {
  for (const text of ["X='a'\n", "export X='a'", "export X=a\n", "export X='a\n", "export 1X='a'\n", "export X='a' # c\n", "APP=1\nexport X='a'\n"]) {
    assert.equal(parseShellExports(text), undefined, JSON.stringify(text));
  }
});
