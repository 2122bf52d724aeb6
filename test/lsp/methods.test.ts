// The main thread's method tables (kept free of the engine) agree with the workers' features and the
// analysis layer's token legend.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analysis } from '../../engine/src/index';
import { DOCUMENT_FEATURES, WORKSPACE_FEATURES } from '../../server/src/lsp/features/index';
import { DOCUMENT_METHODS, TOKEN_LEGEND, WORKSPACE_METHODS } from '../../server/src/lsp/methods';

test('methods: every routed method has a feature, and every feature is routed', () => {
  assert.deepEqual([...DOCUMENT_FEATURES.keys()].sort(), [...DOCUMENT_METHODS.keys()].sort());
  assert.deepEqual([...WORKSPACE_FEATURES.keys()].sort(), [...WORKSPACE_METHODS].sort());
});

test('methods: the token legend is the analysis layer’s', () => {
  assert.deepEqual(TOKEN_LEGEND.tokenTypes, [...analysis.TOKEN_TYPES]);
  assert.deepEqual(TOKEN_LEGEND.tokenModifiers, [...analysis.TOKEN_MODIFIERS]);
});
