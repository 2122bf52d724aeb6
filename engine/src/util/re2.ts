// Go RE2 patterns (JSON-schema `pattern`, spec §11.4/§11.6) for JavaScript. A pattern is parsed with
// Go's rules (re2Parse.ts), translated to an equivalent JavaScript RegExp, and also compiled to a
// Thompson automaton. RE2 guarantees linear-time matching, but a backtracking engine does not:
// `^(a+)+$` is valid RE2 and takes exponential time in JavaScript on "aaaa…!". So the returned
// RegExp's `test` runs the automaton (time linear in text × pattern size); only `exec` and the
// String methods use the JavaScript engine on the translated source.

import { parseRe2, type CharClass, type Re2Node } from './re2Parse.js';

/** Result of compiling a pattern: a RegExp with RE2 semantics, or Go's error text. */
export type Re2Result = { ok: true; regexp: RegExp } | { ok: false; error: string };

/** Compiles a Go RE2 pattern (unanchored search semantics) into a RegExp whose `test` never backtracks. */
export function compileRE2(pattern: string): Re2Result {
  const parsed = parseRe2(pattern);
  if (!parsed.ok) return parsed;
  const program: Inst[] = [];
  const start = compileNode(parsed.node, pushInst(program, { op: 'match' }), program);
  if (program.length > MAX_PROGRAM) return { ok: false, error: `error parsing regexp: expression too large: \`${pattern}\`` };
  const folds = foldUse(parsed.node);
  const source = emit(parsed.node, folds === 'mixed');
  try {
    return { ok: true, regexp: new Re2RegExp(source, folds === 'all' ? 'iu' : 'u', program, start) };
  } catch (e) {
    // The translation only produces syntax JavaScript accepts; reaching this is a bug, reported as a result.
    return { ok: false, error: `error parsing regexp: unsupported expression: \`${pattern}\` (${(e as Error).message})` };
  }
}

/**
 * Translates a Go RE2 pattern to JavaScript RegExp source for the `u` flag alone (as JSON Schema
 * `pattern` needs): case-insensitive parts are spelled out as character classes, approximately
 * (simple upper/lower-case mappings). Undefined when Go rejects the pattern.
 */
export function re2ToJsSource(pattern: string): string | undefined {
  const parsed = parseRe2(pattern);
  return parsed.ok ? emit(parsed.node, foldUse(parsed.node) !== 'none') : undefined;
}

/** Largest automaton we build (counted repetitions are expanded); Go's own limit is larger. */
const MAX_PROGRAM = 200_000;

class Re2RegExp extends RegExp {
  constructor(source: string, flags: string, private readonly program: Inst[], private readonly start: number) {
    super(source, flags);
  }

  /** Reports whether the pattern matches anywhere in `text`, in linear time. */
  override test(text: string): boolean {
    return run(this.program, this.start, String(text));
  }
}

// ---------------------------------------------------------------------------------------------
// Translation to JavaScript source.

function emit(node: Re2Node, expandFold: boolean): string {
  switch (node.kind) {
    case 'empty':
      return '(?:)';
    case 'literal':
      return node.fold && expandFold ? emitClass({ ranges: [node.cp, node.cp], props: [], negated: false }, true) : char(node.cp);
    case 'class':
      return emitClass(node.cls, node.fold && expandFold);
    case 'any':
      return node.newline ? '[\\s\\S]' : '[^\\n]';
    case 'assert':
      return ASSERTIONS[node.what];
    case 'group':
      return (node.capture ? '(' : '(?:') + emit(node.sub, expandFold) + ')';
    case 'concat':
      return node.subs.map((s) => emit(s, expandFold)).join('');
    case 'alternate':
      return node.subs.map((s) => emit(s, expandFold)).join('|');
    case 'repeat': {
      const atomic = node.sub.kind === 'literal' || node.sub.kind === 'class' || node.sub.kind === 'any' || node.sub.kind === 'group';
      const body = emit(node.sub, expandFold);
      const { min, max } = node;
      const q = min === 0 && max === -1 ? '*' : min === 1 && max === -1 ? '+' : min === 0 && max === 1 ? '?' : max === -1 ? `{${min},}` : min === max ? `{${min}}` : `{${min},${max}}`;
      return (atomic ? body : `(?:${body})`) + q + (node.greedy ? '' : '?');
    }
  }
}

// Go's multi-line ^ and $ recognise only \n as a line end; JavaScript's m flag also uses \r, U+2028/9.
const ASSERTIONS = {
  beginText: '^',
  endText: '$',
  beginLine: '(?<![^\\n])',
  endLine: '(?![^\\n])',
  wordBoundary: '\\b',
  noWordBoundary: '\\B',
} as const;

function char(cp: number): string {
  return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) ? String.fromCharCode(cp) : `\\u{${cp.toString(16)}}`;
}

function emitClass(cls: CharClass, expandFold: boolean): string {
  const items: string[] = [];
  for (let k = 0; k < cls.ranges.length; k += 2) {
    const lo = cls.ranges[k]!;
    const hi = cls.ranges[k + 1]!;
    items.push(lo === hi ? char(lo) : `${char(lo)}-${char(hi)}`);
    // Only for a pattern that switches (?i) on part way: approximate Unicode case folding
    // by simple upper/lower mappings (the automaton behind `test` folds exactly).
    if (expandFold && hi - lo < 256) for (let c = lo; c <= hi; c++) for (const v of caseVariants(c)) items.push(char(v));
  }
  for (const p of cls.props) {
    // A negated union (only Go's `C`) is written as JavaScript's \P{C}, which also excludes unassigned code points.
    if (p.negated) items.push(p.names.length === 1 ? `\\P{${p.names[0]}}` : '\\P{C}');
    else for (const n of p.names) items.push(`\\p{${n}}`);
  }
  if (!cls.negated && items.length === 1 && cls.ranges.length === 0) return items[0]!;
  return `[${cls.negated ? '^' : ''}${items.join('')}]`;
}

function caseVariants(cp: number): number[] {
  const s = String.fromCodePoint(cp);
  const out: number[] = [];
  for (const v of [s.toUpperCase(), s.toLowerCase()]) {
    const c = v.codePointAt(0)!;
    if (v.length === String.fromCodePoint(c).length && c !== cp) out.push(c);
  }
  return out;
}

/** Whether case folding applies to no, all, or only some character-matching nodes. */
function foldUse(node: Re2Node): 'none' | 'all' | 'mixed' {
  let folded = 0;
  let plain = 0;
  const todo: Re2Node[] = [node];
  while (todo.length > 0) {
    const n = todo.pop()!;
    if (n.kind === 'literal' || n.kind === 'class') n.fold ? folded++ : plain++;
    else if (n.kind === 'group' || n.kind === 'repeat') todo.push(n.sub);
    else if (n.kind === 'concat' || n.kind === 'alternate') todo.push(...n.subs);
  }
  return folded === 0 ? 'none' : plain === 0 ? 'all' : 'mixed';
}

// ---------------------------------------------------------------------------------------------
// The automaton: a Thompson NFA simulated over code points (no captures: `test` needs none).

type Inst =
  | { op: 'char'; test: (cp: number) => boolean; next: number }
  | { op: 'split'; x: number; y: number }
  | { op: 'assert'; what: keyof typeof ASSERTIONS; next: number }
  | { op: 'match' };

function pushInst(program: Inst[], inst: Inst): number {
  program.push(inst);
  return program.length - 1;
}

/** Compiles `node` so that it continues at `next`; returns its entry. Stops growing past MAX_PROGRAM. */
function compileNode(node: Re2Node, next: number, program: Inst[]): number {
  if (program.length > MAX_PROGRAM) return next;
  switch (node.kind) {
    case 'empty':
      return next;
    case 'literal':
      return pushInst(program, { op: 'char', test: literalTest(node.cp, node.fold), next });
    case 'class':
      return pushInst(program, { op: 'char', test: classTest(node.cls, node.fold), next });
    case 'any':
      return pushInst(program, { op: 'char', test: node.newline ? () => true : (cp) => cp !== 10, next });
    case 'assert':
      return pushInst(program, { op: 'assert', what: node.what, next });
    case 'group':
      return compileNode(node.sub, next, program);
    case 'concat': {
      let entry = next;
      for (let k = node.subs.length - 1; k >= 0; k--) entry = compileNode(node.subs[k]!, entry, program);
      return entry;
    }
    case 'alternate': {
      const entries = node.subs.map((s) => compileNode(s, next, program));
      let entry = entries[entries.length - 1]!;
      for (let k = entries.length - 2; k >= 0; k--) entry = pushInst(program, { op: 'split', x: entries[k]!, y: entry });
      return entry;
    }
    case 'repeat': {
      let entry = next;
      if (node.max < 0) {
        const split: Inst = { op: 'split', x: next, y: next };
        entry = pushInst(program, split);
        split.x = compileNode(node.sub, entry, program);
      } else {
        for (let k = node.min; k < node.max; k++) entry = pushInst(program, { op: 'split', x: compileNode(node.sub, entry, program), y: next });
      }
      for (let k = 0; k < node.min; k++) entry = compileNode(node.sub, entry, program);
      return entry;
    }
  }
}

function literalTest(c: number, fold: boolean): (cp: number) => boolean {
  return fold ? regexTest(char(c), 'iu') : (cp) => cp === c;
}

function classTest(cls: CharClass, fold: boolean): (cp: number) => boolean {
  if (fold || cls.props.length > 0) return regexTest(emitClass(cls, false), fold ? 'iu' : 'u');
  const r = cls.ranges;
  return (cp) => {
    let inside = false;
    for (let k = 0; k < r.length && !inside; k += 2) inside = cp >= r[k]! && cp <= r[k + 1]!;
    return inside !== cls.negated;
  };
}

/** A one-character test through JavaScript's own Unicode tables and case folding (memoized). */
function regexTest(source: string, flags: string): (cp: number) => boolean {
  const re = new RegExp(`^${source}$`, flags);
  const memo = new Map<number, boolean>();
  return (cp) => {
    let r = memo.get(cp);
    if (r === undefined) memo.set(cp, (r = re.test(String.fromCodePoint(cp))));
    return r;
  };
}

function isWordChar(cp: number): boolean {
  return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || cp === 0x5f;
}

/** Runs the automaton as an unanchored search: a new thread starts at every position. */
function run(program: Inst[], start: number, text: string): boolean {
  const cps: number[] = [];
  for (let k = 0; k < text.length; ) {
    const cp = text.codePointAt(k)!;
    cps.push(cp);
    k += cp > 0xffff ? 2 : 1;
  }
  const n = cps.length;
  const mark = new Int32Array(program.length).fill(-1);
  const stack: number[] = [];
  const holds = (what: keyof typeof ASSERTIONS, pos: number): boolean => {
    const prev = pos > 0 ? cps[pos - 1]! : -1;
    const next = pos < n ? cps[pos]! : -1;
    switch (what) {
      case 'beginText':
        return pos === 0;
      case 'endText':
        return pos === n;
      case 'beginLine':
        return pos === 0 || prev === 10;
      case 'endLine':
        return pos === n || next === 10;
      case 'wordBoundary':
        return isWordChar(prev) !== isWordChar(next);
      case 'noWordBoundary':
        return isWordChar(prev) === isWordChar(next);
    }
  };
  // Adds the threads reachable from `pc` without consuming input; true when one of them matches.
  const add = (list: number[], pc: number, pos: number): boolean => {
    stack.push(pc);
    while (stack.length > 0) {
      const p = stack.pop()!;
      if (mark[p] === pos) continue;
      mark[p] = pos;
      const inst = program[p]!;
      if (inst.op === 'match') {
        stack.length = 0;
        return true;
      }
      if (inst.op === 'char') list.push(p);
      else if (inst.op === 'split') stack.push(inst.y, inst.x);
      else if (holds(inst.what, pos)) stack.push(inst.next);
    }
    return false;
  };
  let current: number[] = [];
  for (let pos = 0; ; pos++) {
    if (add(current, start, pos)) return true;
    if (pos === n) return false;
    const following: number[] = [];
    for (const pc of current) {
      const inst = program[pc] as Extract<Inst, { op: 'char' }>;
      if (inst.test(cps[pos]!) && add(following, inst.next, pos + 1)) return true;
    }
    current = following;
  }
}
