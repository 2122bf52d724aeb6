// The Go-compatible ("reference") projection of ranges. Our ranges are true spans of the source;
// the reference evaluator's coordinates are quirky (spec §2.3, §2.4). The syntax layer computes the
// reference range of every node and sub-range and records it here, keyed by the identity of our
// Range object, so the public model carries nothing extra and only the conformance runner reads it.

import type { Range } from '../model.js';

const references = new WeakMap<Range, Range | null>();
let recording = false;

/**
 * Turns the recording of reference ranges on or off. It is off by default because only conformance
 * testing reads them and they cost time and memory on every document; turn it on before loading.
 */
export function setReferenceRangeRecording(on: boolean): void {
  recording = on;
}

/** Reports whether reference ranges are being recorded. */
export function isRecordingReferenceRanges(): boolean {
  return recording;
}
const subjects = new WeakMap<Range, Range>();

/**
 * Records the reference range of `range`; `null` means the reference evaluator has no range there.
 * `subject` is what the reference reports diagnostics at instead (e.g. the whole string when an
 * interpolation accessor has no sub-range of its own).
 */
export function recordReferenceRange(range: Range, reference: Range | null, subject?: Range | null): void {
  if (!recording) return;
  references.set(range, reference);
  if (reference === null && subject) subjects.set(range, subject);
}

/** Returns the reference range at which the reference evaluator reports a diagnostic whose subject is `range`. */
export function referenceSubject(range: Range): Range | null {
  return referenceRange(range) ?? subjects.get(range) ?? null;
}

/** Returns the reference range recorded for `range`, or `range` itself when none was recorded. */
export function referenceRange(range: Range): Range | null {
  const r = references.get(range);
  return r === undefined ? range : r;
}
