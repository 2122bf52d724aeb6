// Streaming redaction of secrets from a child's output. An Aho-Corasick automaton over bytes runs
// across chunk boundaries, so secrets split between chunks are found, binary data passes through
// untouched, and output is never held back by lines: only the bytes that may still begin a secret
// (at most the longest pattern) wait for the next chunk.
//
// Every byte covered by some occurrence of a secret is replaced; overlapping occurrences merge into
// one placeholder. This is more conservative than the reference's non-overlapping "standard" match,
// which can leak the ends of a secret that contains another secret.

import { SECRET_PLACEHOLDER } from '../../../engine/src/index';

const PLACEHOLDER = Buffer.from(SECRET_PLACEHOLDER, 'utf8');
const NO_CHILD = -1;
/** Largest dense transition table (entries of 4 bytes): 16 MB. */
const MAX_DENSE_ENTRIES = 4 * 1024 * 1024;
const MANY_CHILDREN = -2;

/** An Aho-Corasick automaton over bytes reporting, at each position, the longest pattern ending there. */
class Automaton {
  /** Transitions of the root, dense: most input bytes are decided by one array read. */
  readonly rootNext = new Int32Array(256);
  /** Single child byte of a state, or NO_CHILD / MANY_CHILDREN; most states of a trie of secrets have one child. */
  readonly childByte: Int16Array;
  readonly childState: Int32Array;
  readonly childMaps = new Map<number, Map<number, number>>();
  readonly fail: Int32Array;
  readonly depth: Int32Array;
  /** Length of the longest pattern that ends in this state (0 when none). */
  readonly matchLen: Int32Array;
  /**
   * The full transition table (state × 256), when it is small enough: one array read per input
   * byte. Secrets with their encoded forms make a few thousand states, well under the limit.
   */
  readonly dense: Int32Array | undefined;

  constructor(patterns: readonly Uint8Array[]) {
    const children: Array<Map<number, number>> = [new Map()];
    const depth = [0];
    const terminal = [false];
    for (const p of patterns) {
      let s = 0;
      for (const b of p) {
        let t = children[s]!.get(b);
        if (t === undefined) {
          t = children.length;
          children.push(new Map());
          depth.push(depth[s]! + 1);
          terminal.push(false);
          children[s]!.set(b, t);
        }
        s = t;
      }
      terminal[s] = true;
    }
    const n = children.length;
    this.childByte = new Int16Array(n).fill(NO_CHILD);
    this.childState = new Int32Array(n);
    this.fail = new Int32Array(n);
    this.depth = Int32Array.from(depth);
    this.matchLen = new Int32Array(n);
    for (const [b, t] of children[0]!) this.rootNext[b] = t;
    // Breadth-first, so that failure links point at states already finished.
    const queue: number[] = [...children[0]!.values()];
    for (const t of queue) this.matchLen[t] = terminal[t] ? this.depth[t]! : 0;
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi]!;
      const kids = children[s]!;
      if (kids.size === 1) {
        const [b, t] = kids.entries().next().value as [number, number];
        this.childByte[s] = b;
        this.childState[s] = t;
      } else if (kids.size > 1) {
        this.childByte[s] = MANY_CHILDREN;
        this.childMaps.set(s, kids);
      }
      for (const [b, t] of kids) {
        this.fail[t] = s === 0 ? 0 : this.step(this.fail[s]!, b);
        this.matchLen[t] = terminal[t] ? this.depth[t]! : this.matchLen[this.fail[t]!]!;
        queue.push(t);
      }
    }
    if (n * 256 > MAX_DENSE_ENTRIES) return;
    const dense = new Int32Array(n * 256);
    dense.set(this.rootNext, 0);
    // In breadth-first order a state's failure state is complete before the state itself.
    for (const s of queue) {
      const row = s * 256;
      dense.copyWithin(row, this.fail[s]! * 256, this.fail[s]! * 256 + 256);
      for (const [b, t] of children[s]!) dense[row + b] = t;
    }
    this.dense = dense;
  }

  /** The state after reading byte `b` in state `s`. */
  step(s: number, b: number): number {
    for (;;) {
      if (s === 0) return this.rootNext[b]!;
      const cb = this.childByte[s]!;
      if (cb === b) return this.childState[s]!;
      if (cb === MANY_CHILDREN) {
        const t = this.childMaps.get(s)!.get(b);
        if (t !== undefined) return t;
      }
      s = this.fail[s]!;
    }
  }
}

/** A redactor of one output stream: feed chunks, get redacted bytes back, flush at the end. */
export class Redactor {
  private readonly ac: Automaton;
  private state = 0;
  /** Bytes not yet emitted, starting at stream offset `heldStart`. */
  private held: Buffer = Buffer.alloc(0);
  private heldStart = 0;
  /** Stream offset of the next byte. */
  private pos = 0;
  /** Covered intervals [start, end) not yet emitted, sorted and disjoint. */
  private runs: Array<[number, number]> = [];

  /** Creates a redactor for the given secrets (each already expanded to its encoded forms). */
  constructor(patterns: readonly string[]) {
    const bytes = [...new Set(patterns)].filter((p) => p !== '').map((p) => Buffer.from(p, 'utf8'));
    this.ac = new Automaton(bytes);
  }

  /** Consumes a chunk; returns the bytes that can be emitted now. */
  write(chunk: Uint8Array): Buffer {
    const held = this.held.length === 0 ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength) : Buffer.concat([this.held, chunk]);
    const ac = this.ac;
    const matchLen = ac.matchLen;
    const rootNext = ac.rootNext;
    const dense = ac.dense;
    let s = this.state;
    let p = this.pos;
    const n = chunk.length;
    if (dense !== undefined) {
      for (let i = 0; i < n; i++) {
        s = dense[(s << 8) | chunk[i]!]!;
        const len = matchLen[s]!;
        if (len !== 0) this.cover(p + i + 1 - len, p + i + 1);
      }
      p += n;
    } else {
      for (let i = 0; i < n; i++, p++) {
        const b = chunk[i]!;
        s = s === 0 ? rootNext[b]! : ac.step(s, b);
        const len = matchLen[s]!;
        if (len !== 0) this.cover(p + 1 - len, p + 1);
      }
    }
    this.state = s;
    this.pos = p;
    this.held = held;
    // No future match can start before `safe`, so everything before it is final.
    return this.emitUpTo(p - ac.depth[s]!);
  }

  /** Emits everything still held (the stream ended). */
  flush(): Buffer {
    this.state = 0;
    return this.emitUpTo(this.pos);
  }

  private cover(start: number, end: number): void {
    const runs = this.runs;
    // `end` is the largest end so far, so the new interval can only overlap a suffix of the runs.
    while (runs.length > 0 && runs[runs.length - 1]![1] > start) {
      const last = runs.pop()!;
      start = Math.min(start, last[0]);
    }
    runs.push([start, end]);
  }

  private emitUpTo(safe: number): Buffer {
    const runs = this.runs;
    let done = 0;
    while (done < runs.length && runs[done]![1] <= safe) done++;
    const emitEnd = done < runs.length ? Math.min(runs[done]![0], safe) : safe;
    if (emitEnd <= this.heldStart) return Buffer.alloc(0);
    const parts: Buffer[] = [];
    let at = this.heldStart;
    for (let k = 0; k < done; k++) {
      const [rs, re] = runs[k]!;
      if (rs > at) parts.push(this.held.subarray(at - this.heldStart, rs - this.heldStart));
      parts.push(PLACEHOLDER);
      at = re;
    }
    if (emitEnd > at) parts.push(this.held.subarray(at - this.heldStart, emitEnd - this.heldStart));
    this.runs = runs.slice(done);
    // Copy what stays held so that the caller's chunk buffer is not retained or aliased.
    this.held = Buffer.from(this.held.subarray(Math.max(emitEnd, at) - this.heldStart));
    this.heldStart = Math.max(emitEnd, at);
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  }
}
