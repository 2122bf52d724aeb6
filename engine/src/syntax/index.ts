// The YAML syntax layer (ESC's syntax and syntax/encoding packages): decoding, node types, paths,
// scalar resolution and the reference ("Go-compatible") projection of ranges.

export { decodeYAML, type DecodeResult } from './decodeYaml.js';
export { ALIAS_NOT_SUPPORTED, KEYS_MUST_BE_STRINGS, MAX_DEPTH, MAX_DEPTH_EXCEEDED } from './compose.js';
export type { ArrayNode, BooleanNode, NullNode, NumberNode, ObjectEntry, ObjectNode, ScalarStyle, StringNode, SyntaxDocument, SyntaxNode } from './nodes.js';
export { joinIndex, joinKey } from './joinKey.js';
export { resolveScalar, type ResolvedScalar } from './scalars.js';
export { formatGoFloat } from './goNumbers.js';
export { isRecordingReferenceRanges, recordReferenceRange, referenceRange, referenceSubject, setReferenceRangeRecording } from './referenceRanges.js';
export { referenceSubRange, subRange } from './subRanges.js';
