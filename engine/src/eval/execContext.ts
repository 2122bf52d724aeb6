// The execution context (§6.6): `${context.*}` values, and what providers and rotators are told.

import type { ExecContext } from '../host.js';
import type { Value as ModelValue } from '../model.js';
import type { PlainValue } from '../util/plain.js';
import { always } from '../schema/schema.js';
import { EvalExpr } from './exprs.js';
import { fromPlain, toModelValue } from './convert.js';
import type { Shared } from './shared.js';
import type { EvalValue } from './value.js';

/** Name of anonymous environments (evaluated without a name). */
export const ANONYMOUS_ENVIRONMENT = '<yaml>';

/** The context of one environment: the user's values and the root and current environment names. */
export interface ExecContextData {
  readonly values: ReadonlyMap<string, PlainValue>;
  readonly rootName: string;
  readonly currentName: string;
}

/** Reports the error for user context values that use reserved keys, or undefined. */
export function checkContextValues(values: ReadonlyMap<string, PlainValue>): string | undefined {
  for (const k of ['currentEnvironment', 'rootEnvironment']) {
    if (values.has(k)) return `reserved context key: ${JSON.stringify(k)}`;
  }
  return undefined;
}

/** Returns the context an environment named `name` sees, given its parent's (or the initial one). */
export function childContext(parent: ExecContextData, name: string): ExecContextData {
  const rootName = parent.rootName === '' || parent.rootName === ANONYMOUS_ENVIRONMENT ? name : parent.rootName;
  return { values: parent.values, rootName, currentName: name };
}

/** Returns the full context map: the user's values plus `currentEnvironment` and `rootEnvironment`. */
export function contextMap(c: ExecContextData): Map<string, PlainValue> {
  const m = new Map(c.values);
  m.set('currentEnvironment', new Map([['name', c.currentName]]));
  m.set('rootEnvironment', new Map([['name', c.rootName]]));
  return m;
}

/** Builds `${context}`: a value tree defined by a synthetic expression without a range. */
export function contextValue(c: ExecContextData, shared: Shared): EvalValue {
  const def = new EvalExpr('context', { kind: 'synthetic' }, always(), null);
  const v = fromPlain(contextMap(c), def, false);
  shared.budget.addValues(1);
  return v;
}

/** Returns the context handed to providers and rotators. */
export function hostContext(c: ExecContextData): ExecContext {
  const values = new Map<string, ModelValue>();
  for (const [k, v] of contextMap(c)) values.set(k, toModelValue(v));
  return { values, rootEnvironmentName: c.rootName, currentEnvironmentName: c.currentName };
}
