// The comparison policy of the conformance corpus (../shared/conformance/README.md): diagnostics as
// multisets sorted by (file, start line, start column, summary); ranges on line and column only
// (`byte` is not compared); everything else exactly, after parsing both sides as JSON.

import { NumberText } from '../../engine/src/index';

/** Field names holding diagnostics. */
const DIAGNOSTIC_FIELDS = new Set(['loadDiags', 'checkDiags', 'evalDiags', 'rotateDiags', 'diags']);

/** Compares one field (ours may be JSON data with Maps and NumberTexts); returns undefined when equal, else the first difference. */
export function compareField(field: string, expected: unknown, actual: unknown): string | undefined {
  const ours = toPlain(actual);
  let e = strip(expected ?? emptyOf(ours));
  let a = strip(ours ?? emptyOf(expected));
  if (DIAGNOSTIC_FIELDS.has(field)) {
    e = sortDiags(e);
    a = sortDiags(a);
  }
  return firstDifference(e, a, field);
}

function emptyOf(other: unknown): unknown {
  return Array.isArray(other) ? [] : other !== null && typeof other === 'object' ? {} : null;
}

/** Removes `byte`/`Byte` fields everywhere. */
function strip(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(strip);
  if (v !== null && typeof v === 'object') {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (k !== 'byte' && k !== 'Byte') o[k] = strip(x);
    return o;
  }
  return v;
}

interface GoDiag {
  Summary: string;
  Subject: { Filename: string; Start: { Line: number; Column: number } } | null;
}

function sortDiags(v: unknown): unknown {
  if (!Array.isArray(v)) return v;
  const key = (d: GoDiag) => d.Subject;
  return [...(v as GoDiag[])].sort((x, y) => {
    const a = key(x);
    const b = key(y);
    if (a === null || b === null) {
      if (a !== null) return 1;
      if (b !== null) return -1;
      return cmp(x.Summary, y.Summary);
    }
    return cmp(a.Filename, b.Filename) || a.Start.Line - b.Start.Line || a.Start.Column - b.Start.Column || cmp(x.Summary, y.Summary);
  });
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function firstDifference(e: unknown, a: unknown, path: string): string | undefined {
  if (e === a) return undefined;
  if (typeof e === 'number' && typeof a === 'number' && e === a) return undefined;
  if (Array.isArray(e) && Array.isArray(a)) {
    for (let i = 0; i < Math.max(e.length, a.length); i++) {
      if (i >= e.length) return `${path}[${i}]: unexpected ${show(a[i])}`;
      if (i >= a.length) return `${path}[${i}]: missing ${show(e[i])}`;
      const d = firstDifference(e[i], a[i], `${path}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  if (e !== null && a !== null && typeof e === 'object' && typeof a === 'object' && !Array.isArray(e) && !Array.isArray(a)) {
    const eo = e as Record<string, unknown>;
    const ao = a as Record<string, unknown>;
    for (const k of new Set([...Object.keys(eo), ...Object.keys(ao)])) {
      if (!(k in ao)) return `${path}.${k}: missing ${show(eo[k])}`;
      if (!(k in eo)) return `${path}.${k}: unexpected ${show(ao[k])}`;
      const d = firstDifference(eo[k], ao[k], `${path}.${k}`);
      if (d) return d;
    }
    return undefined;
  }
  return `${path}: expected ${show(e)}, got ${show(a)}`;
}

function show(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? 'undefined' : s.length > 160 ? s.slice(0, 157) + '...' : s;
}

/** Converts JSON data (Maps, NumberTexts, structs) to the plain values JSON.parse would give. */
export function toPlain(v: unknown): unknown {
  if (v instanceof NumberText) return Number(v.text);
  if (Array.isArray(v)) return v.map(toPlain);
  if (v instanceof Map) {
    const o: Record<string, unknown> = {};
    for (const [k, e] of v) o[k] = toPlain(e);
    return o;
  }
  if (v !== null && typeof v === 'object') {
    const o: Record<string, unknown> = {};
    for (const [k, e] of Object.entries(v)) if (e !== undefined) o[k] = toPlain(e);
    return o;
  }
  return v;
}

