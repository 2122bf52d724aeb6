#!/usr/bin/env node
// Runs every compiled test file (out/test/**/*.test.js) with node's test runner.
// Node treats every .js file under a folder named "test" as a test when given a directory, which
// would include helpers; so we pass an explicit file list. Extra arguments select files by substring.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const outDir = join(root, 'out', 'test');
const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const flags = process.argv.slice(2).filter((a) => a.startsWith('-'));

/** Lists test files below `dir`, skipping the VS Code end-to-end layer (it runs in `npm run test:e2e`). */
function list(dir) {
  const files = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'e2e') files.push(...list(p));
    } else if (name.endsWith('.test.js')) files.push(p);
  }
  return files;
}

const files = list(outDir).filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)));
if (files.length === 0) {
  console.error('no test files found under out/test (did `tsc -b test` run?)');
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...flags, ...files], { stdio: 'inherit', cwd: root });
process.exit(r.status ?? 1);
