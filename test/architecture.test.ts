// Enforces the layering rules of ARCHITECTURE.md by reading every import of the shipped code:
//   engine  imports nothing from LSP, VS Code or Node I/O (only its own modules and `yaml`);
//   server  uses the engine only through engine/src/index.ts and never imports `vscode`;
//   client  imports only `vscode`, `vscode-languageclient` and server/src/protocol.ts (no ESC semantics).

import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from './util/conformance';

interface ImportRef {
  file: string;
  line: number;
  specifier: string;
}

const IMPORT_PATTERNS = [
  /\bimport\s+(?:type\s+)?[^'"]*?\bfrom\s*['"]([^'"]+)['"]/g,
  /\bexport\s+(?:type\s+)?[^'"]*?\bfrom\s*['"]([^'"]+)['"]/g,
  /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  /^\s*import\s+['"]([^'"]+)['"]/gm,
];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const n of names) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (n.endsWith('.ts')) out.push(p);
  }
  return out;
}

function importsOf(file: string): ImportRef[] {
  const text = readFileSync(file, 'utf8');
  const refs: ImportRef[] = [];
  for (const re of IMPORT_PATTERNS) {
    for (const m of text.matchAll(re)) {
      const line = text.slice(0, m.index).split('\n').length;
      refs.push({ file: relative(repoRoot, file), line, specifier: m[1]! });
    }
  }
  return refs;
}

/** Resolves a relative specifier to a repository-relative path without extension. */
function target(ref: ImportRef): string | undefined {
  if (!ref.specifier.startsWith('.')) return undefined;
  const abs = resolve(repoRoot, dirname(ref.file), ref.specifier).replace(/\.(js|ts)$/, '');
  return relative(repoRoot, abs);
}

function violations(layer: string, check: (ref: ImportRef, to: string | undefined) => string | undefined): string[] {
  const out: string[] = [];
  for (const f of sourceFiles(join(repoRoot, layer))) {
    for (const ref of importsOf(f)) {
      const why = check(ref, target(ref));
      if (why) out.push(`${ref.file}:${ref.line}: imports '${ref.specifier}': ${why}`);
    }
  }
  return out;
}

const ENGINE_PACKAGES = new Set(['yaml']);

test('engine imports only its own modules and the yaml package', () => {
  const v = violations('engine/src', (ref, to) => {
    if (to === undefined) return ENGINE_PACKAGES.has(ref.specifier) ? undefined : 'the engine may not depend on Node, LSP or VS Code';
    return to.startsWith('engine/src/') ? undefined : 'the engine may not import outside engine/src';
  });
  assert.deepEqual(v, []);
});

test('engine uses no Node globals for I/O, timers or logging', () => {
  const forbidden = /\b(process\.|console\.|setTimeout|setInterval|setImmediate|Buffer\.|TextEncoder|TextDecoder|__dirname)/;
  const v: string[] = [];
  for (const f of sourceFiles(join(repoRoot, 'engine/src'))) {
    readFileSync(f, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const code = line.replace(/\/\/.*$/, '');
        if (forbidden.test(code)) v.push(`${relative(repoRoot, f)}:${i + 1}: ${line.trim()}`);
      });
  }
  assert.deepEqual(v, []);
});

test('server uses the engine only through its public index and never imports vscode', () => {
  const v = violations('server/src', (ref, to) => {
    if (ref.specifier === 'vscode' || ref.specifier.startsWith('vscode-languageclient')) return 'the server may not import the VS Code API or client';
    if (to === undefined) return undefined;
    if (to.startsWith('engine/')) return to === 'engine/src/index' ? undefined : 'use engine/src/index.ts, not engine internals';
    if (to.startsWith('client/')) return 'the server may not import the client';
    return to.startsWith('server/src/') ? undefined : 'the server may not import outside server/src and the engine index';
  });
  assert.deepEqual(v, []);
});

test('client imports only vscode, the language client, Node and server/src/protocol.ts', () => {
  const v = violations('client/src', (ref, to) => {
    if (to === undefined) {
      const ok = ref.specifier === 'vscode' || ref.specifier.startsWith('vscode-languageclient') || ref.specifier.startsWith('node:');
      return ok ? undefined : 'the client may only use vscode, vscode-languageclient and Node built-ins';
    }
    if (to.startsWith('client/src/') || to === 'server/src/protocol') return undefined;
    return 'the client holds no ESC semantics: it may import only server/src/protocol.ts';
  });
  assert.deepEqual(v, []);
});

test('the architecture check sees the layers it guards', () => {
  assert.ok(sourceFiles(join(repoRoot, 'engine/src')).length > 20, 'engine sources found');
  const sample = importsOf(join(repoRoot, 'engine/src/index.ts'));
  assert.ok(sample.some((r) => r.specifier === './model.js'), 'import scanning works');
});
