// Calls to providers and rotators. Their answers may be asynchronous, while evaluation is synchronous:
// a pending call evaluates to unknown for this round, the entry points await every pending call and
// evaluate again, and each distinct call (name and inputs) reaches the host at most once.

import type { Value as ModelValue } from '../model.js';
import { NumberText } from '../util/plain.js';
import { errorText } from '../util/errors.js';

/** The outcome of a call: a value, an error message, or not known yet. */
export type CallOutcome = { value: ModelValue } | { error: string } | { pending: true };

/** A cache of provider and rotator calls, shared by the rounds of one evaluation. */
export class ProviderCalls {
  private readonly outcomes = new Map<string, { value: ModelValue } | { error: string }>();
  private readonly inFlight = new Map<string, Promise<void>>();

  /** Calls `fn` once per `key`; returns its outcome, or `pending` while an asynchronous answer is awaited. */
  call(key: string, fn: () => ModelValue | Promise<ModelValue>): CallOutcome {
    const known = this.outcomes.get(key);
    if (known !== undefined) return known;
    if (this.inFlight.has(key)) return { pending: true };
    let answer: ModelValue | Promise<ModelValue>;
    try {
      answer = fn();
    } catch (e) {
      return this.settle(key, { error: errorText(e) });
    }
    if (!isPromise(answer)) return this.settle(key, { value: answer });
    this.inFlight.set(
      key,
      answer.then(
        (value) => void this.settle(key, { value }),
        (e: unknown) => void this.settle(key, { error: errorText(e) }),
      ),
    );
    return { pending: true };
  }

  /** Reports whether some call is still awaited (another evaluation round is needed). */
  hasPending(): boolean {
    return this.inFlight.size > 0;
  }

  /** Waits for every call in flight. */
  async settleAll(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight.values()]);
  }

  private settle(key: string, outcome: { value: ModelValue } | { error: string }): CallOutcome {
    this.inFlight.delete(key);
    this.outcomes.set(key, outcome);
    return outcome;
  }
}

function isPromise<T>(v: T | Promise<T>): v is Promise<T> {
  return typeof (v as { then?: unknown } | null)?.then === 'function';
}


/** A canonical text of model values for cache keys: data and secret/unknown flags, not traces. */
export function callKey(parts: (string | ModelValue | ReadonlyMap<string, ModelValue> | null)[]): string {
  return parts.map((p) => (typeof p === 'string' ? JSON.stringify(p) : canonical(p))).join('\u0000');
}

function canonical(v: ModelValue | ReadonlyMap<string, ModelValue> | null): string {
  if (v === null) return 'null';
  if (v instanceof Map) {
    const keys = [...v.keys()].sort();
    return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonical(v.get(k)!)).join(',') + '}';
  }
  const mv = v as ModelValue;
  const flags = (mv.secret ? 's' : '') + (mv.unknown ? 'u' : '');
  const p = mv.value;
  let body: string;
  if (p === undefined || p === null) body = 'null';
  else if (p instanceof NumberText) body = 'n' + p.text;
  else if (Array.isArray(p)) body = '[' + p.map(canonical).join(',') + ']';
  else if (p instanceof Map) body = canonical(p);
  else body = JSON.stringify(p);
  return flags + body;
}
