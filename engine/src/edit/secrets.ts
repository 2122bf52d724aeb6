// Encrypting and decrypting the secrets of an environment document (spec §9.6, ESC's EncryptSecrets
// and DecryptSecrets). Encryption turns every `fn::secret: <string>` into
// `fn::secret: {ciphertext: <envelope>}`; decryption turns the ciphertext forms under the top-level
// `values` key back into strings. Like the rest of edit/, this splices the original text instead of
// re-emitting the document, so comments and layout stay (a line comment on the plaintext ends up
// after the ciphertext, as in the reference). New scalars are quoted the way the reference writes
// them: text that Go parses as a float32, and `true`/`false`, in single quotes; other text that would
// not read back as a string in double quotes; multi-line text as a literal block.

import { isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import type { Decrypter, Encrypter } from '../host.js';
import { joinKey } from '../syntax/joinKey.js';
import { resolveScalar, shortTag } from '../syntax/scalars.js';
import { decodeUtf8, encodeUtf8 } from '../text/utf8.js';
import { decodeCiphertext, encodeCiphertext } from '../util/ciphertext.js';
import { errorText } from '../util/errors.js';
import { encodeYamlFlow, encodeYamlScalar, wouldResolveToString, type ScalarStyle } from './yamlEncode.js';
import { applySplices, openYaml, spliceKeepingComment, type Slot, type Splice, type YamlSource } from './yamlSource.js';

/** The rewritten text, or why it could not be produced (the input is then left as it was). */
export type SecretsResult = { ok: true; text: string } | { ok: false; error: string };

/** Replaces every plaintext `fn::secret` of the document with its encrypted envelope. */
export function encryptSecrets(text: string, encrypter: Encrypter): SecretsResult {
  const opened = openYaml(text);
  if (!opened.ok) return opened;
  const src = opened.source;
  const splices: Splice[] = [];
  for (const { node, path } of walk(src, src.root, '')) {
    const secret = secretSlot(src, node);
    if (!secret || !isStringScalar(secret.node)) continue;
    let bytes: Uint8Array;
    try {
      bytes = encrypter.encrypt(encodeUtf8((secret.node as Scalar<string>).value));
    } catch (e) {
      return { ok: false, error: `${path}: encrypting: ${errorText(e)}` };
    }
    const envelope = encodeCiphertext(bytes);
    splices.push(writeValue(src, secret, encodeYamlFlow(new Map([['ciphertext', envelope]])), `ciphertext: ${envelope}`, true));
  }
  return { ok: true, text: applySplices(text, splices) };
}

/** Replaces every ciphertext `fn::secret` under the top-level `values` key with its plaintext. */
export function decryptSecrets(text: string, decrypter: Decrypter): SecretsResult {
  const opened = openYaml(text);
  if (!opened.ok) return opened;
  const src = opened.source;
  const splices: Splice[] = [];
  const root = src.root;
  if (!root || !isMap(root)) return { ok: true, text };
  for (const top of src.slots(root)) {
    if (!top.pair || src.keyOf(top.pair) !== 'values') continue;
    for (const { node, path } of walk(src, top.node, 'values')) {
      const secret = secretSlot(src, node);
      const envelope = secret?.node && isMap(secret.node) && secret.node.items.length === 1 ? src.slots(secret.node)[0]! : undefined;
      if (!secret || !envelope?.pair || src.keyOf(envelope.pair) !== 'ciphertext' || !isStringScalar(envelope.node)) continue;
      const decoded = decodeCiphertext((envelope.node as Scalar<string>).value);
      if (!decoded.ok) return { ok: false, error: `${path}: invalid ciphertext: ${decoded.error}` };
      let plaintext: string;
      try {
        plaintext = decodeUtf8(decrypter.decrypt(decoded.bytes)).text;
      } catch (e) {
        return { ok: false, error: `${path}: decrypting: ${errorText(e)}` };
      }
      const style = plaintextStyle(plaintext);
      const flow = encodeYamlScalar(plaintext, style, true, src.step);
      const block = encodeYamlScalar(plaintext, style, false, src.step);
      splices.push(writeValue(src, secret, flow, block, false));
    }
  }
  return { ok: true, text: applySplices(text, splices) };
}

/**
 * Replaces the value of a `fn::secret` slot. `flowText` is used inside flow collections; in block
 * context `blockText` (a root-level rendering) goes below the key when it is a `mapping`, else after
 * `fn::secret:`.
 */
function writeValue(src: YamlSource, slot: Slot, flowText: string, blockText: string, mapping: boolean): Splice {
  const node = slot.node!;
  const start = src.valueStart(slot);
  const end = src.contentEnd(node);
  if (src.inFlow(slot)) return { start, end, text: flowText };
  const owner = src.ownerColumn(slot);
  const indicator = src.indicatorEnd(slot)!;
  const onOwnLine = src.startsLine(start) && start > indicator;
  if (mapping) {
    // The ciphertext mapping goes below `fn::secret:`, one level deeper.
    if (onOwnLine) return { start, end, text: blockText };
    return { start: indicator, end, text: '\n' + ' '.repeat(owner + src.step) + blockText };
  }
  // A kept (`|+`) block scalar ends with line breaks; the document's own break after the value supplies the last one.
  const text = src.lineEnd(end) < src.text.length ? blockText.replace(/\n$/, '') : blockText;
  const scalar = text.replace(/\n(?=[^\n])/g, '\n' + ' '.repeat(owner));
  // A comment between `fn::secret:` and the ciphertext stays; the plaintext then goes on its own line.
  if (onOwnLine && src.text.slice(indicator, start).includes('#')) return spliceKeepingComment(src, start, end, scalar);
  return spliceKeepingComment(src, indicator, end, ' ' + scalar);
}

/** The slot of `fn::secret` when `node` is a mapping with that single key. */
function secretSlot(src: YamlSource, node: Node | undefined): Slot | undefined {
  if (!node || !isMap(node) || node.items.length !== 1) return undefined;
  const slot = src.slots(node)[0]!;
  return slot.pair && src.keyOf(slot.pair) === 'fn::secret' && slot.node ? slot : undefined;
}

/** Whether a node is a scalar that ESC reads as a string. */
function isStringScalar(node: Node | undefined): boolean {
  if (!node || !isScalar(node) || typeof node.value !== 'string') return false;
  const tag = node.tag === undefined || node.tag === '!' ? undefined : shortTag(node.tag);
  return resolveScalar(node.value, node.type === 'PLAIN', tag).kind === 'string';
}

/** Every node below (and including) `node`, with its document path. Iterative, so depth is no concern. */
function* walk(src: YamlSource, node: Node | undefined, path: string): Generator<{ node: Node; path: string }> {
  const todo: Array<{ node: Node; path: string }> = node ? [{ node, path }] : [];
  while (todo.length > 0) {
    const n = todo.pop()!;
    yield n;
    if (!isMap(n.node) && !isSeq(n.node)) continue;
    const slots = src.slots(n.node);
    for (let i = slots.length - 1; i >= 0; i--) {
      const s = slots[i]!;
      if (!s.node) continue;
      const key = s.pair ? src.keyOf(s.pair) : undefined;
      todo.push({ node: s.node, path: s.pair ? joinKey(n.path, key ?? '') : `${n.path}[${i}]` });
    }
  }
}

/** The style the reference asks for when it writes a decrypted plaintext. */
function plaintextStyle(s: string): ScalarStyle {
  if (parsesAsFloat32(s) || s === 'true' || s === 'false') return 'single';
  if (s.includes('\n')) return 'literal';
  return wouldResolveToString(s) ? 'plain' : 'double';
}

/** Reports whether Go's strconv.ParseFloat(s, 32) succeeds (decimal or hex float, inf, infinity, nan). */
function parsesAsFloat32(s: string): boolean {
  if (/^[+-]?(inf|infinity)$/i.test(s) || /^nan$/i.test(s)) return true;
  if (/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(s)) return Number.isFinite(Math.fround(Number(s)));
  const hex = /^([+-]?)0[xX]((?:[0-9a-fA-F](?:_?[0-9a-fA-F])*)?\.?(?:[0-9a-fA-F](?:_?[0-9a-fA-F])*)?)[pP]([+-]?[0-9]+)$/.exec(s);
  if (!hex || !/[0-9a-fA-F]/.test(hex[2]!)) return false;
  const [int = '', frac = ''] = hex[2]!.replace(/_/g, '').split('.');
  const value = (parseInt(int || '0', 16) + (frac ? parseInt(frac, 16) / 16 ** frac.length : 0)) * 2 ** Number(hex[3]);
  return Number.isFinite(Math.fround(value));
}
