// Composes the `yaml` package's CST into syntax nodes, iteratively (an explicit stack, so deep
// documents cannot overflow the call stack). This replaces the `yaml` Composer: we need libyaml's
// node positions (properties included, empty nodes placed where libyaml places them), the
// reference ranges, and a classification of syntax problems as libyaml would report them.
// The structural checks follow the `yaml` package's own composer (compose/resolve-*.js).

import { CST, Parser } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import { errorDiag } from '../diagnostics.js';
import type { Pos } from '../model.js';
import { joinIndex, joinKey } from './joinKey.js';
import { ArrayNodeImpl, NullNodeImpl, ObjectNodeImpl, StringNodeImpl } from './nodeClasses.js';
import type { SyntaxDocument, SyntaxNode } from './nodes.js';
import { scanProps, type Props } from './props.js';
import { ReferenceBuilder } from './referenceBuilder.js';
import { makeScalar, type MadeScalar } from './scalarNodes.js';
import { resolveTag } from './tags.js';
import { utf8Length } from '../text/utf8.js';
import { LIBYAML, type YamlProblem } from './yamlProblems.js';

/** Maximum nesting of collections; deeper documents are rejected (evaluation recurses per level). */
export const MAX_DEPTH = 1000;

/** Diagnostic texts of the YAML layer. */
export const ALIAS_NOT_SUPPORTED = 'alias nodes are not supported';
export const KEYS_MUST_BE_STRINGS = 'mapping keys must be strings';
export const MAX_DEPTH_EXCEEDED = `exceeded max nesting depth of ${MAX_DEPTH}`;

/** What composing the first document of a text produced. */
export interface Composed {
  node: SyntaxNode | undefined;
  /** YAML syntax problems (yaml.v3 would report only the first). */
  problems: YamlProblem[];
  /** Problems of ESC's decoding of the YAML tree (aliases, keys, tags, depth). */
  diagnostics: Diagnostic[];
}

type Collection = CST.BlockMap | CST.BlockSequence | CST.FlowCollection;

/** A collection being filled. `pair` frames are the implicit single-pair mappings of `[a: b]`. */
interface Frame {
  kind: 'block-map' | 'block-seq' | 'flow' | 'pair';
  token: Collection;
  items: readonly CST.CollectionItem[];
  node: ObjectNodeImpl | ArrayNodeImpl;
  /** True start offset (first property, else the collection's first token). */
  start: number;
  /** libyaml's context mark for problems inside this collection. */
  context: number;
  depth: number;
  index: number;
  /** The last child so far, its true end offset and its reference end. */
  last?: SyntaxNode;
  lastEnd: number;
  lastRefEnd: Pos | null;
}

/** A composed child: collections report their ends when they complete. */
interface Child {
  node: SyntaxNode;
  end?: number;
  refEnd?: Pos;
}

/**
 * A part of a document composed on its own (incremental reparsing, syntax/reparse.ts): the text
 * `[start, end)` of `doc`'s source, whose root collection stands at `path` and `depth` of the
 * whole document. Offsets, ranges and paths of its nodes are those of the whole document.
 */
export interface ComposeRegion {
  readonly start: number;
  readonly end: number;
  readonly path: string;
  readonly depth: number;
}

/** Composes the first YAML document of `doc`'s text, or of one region of it. */
export function composeYaml(doc: SyntaxDocument, region?: ComposeRegion): Composed {
  return new Composer(doc, region).run();
}

class Composer {
  private readonly problems: YamlProblem[] = [];
  private readonly diagnostics: Diagnostic[] = [];
  private readonly stack: Frame[] = [];
  private readonly text: string;
  /** The most recent plain scalar token, for classifying tabs that follow it. */
  private lastPlain: { start: number; end: number } | undefined;
  private readonly ref: ReferenceBuilder;
  private readonly tagHandles = new Map<string, string>([
    ['!', '!'],
    ['!!', 'tag:yaml.org,2002:'],
  ]);

  constructor(
    private readonly doc: SyntaxDocument,
    private readonly region?: ComposeRegion,
  ) {
    this.text = doc.source.text;
    this.ref = new ReferenceBuilder(doc);
  }

  run(): Composed {
    let node: SyntaxNode | undefined;
    let seenDocument = false;
    let rootBlock: { context: number; seq: boolean } | undefined;
    let sawDirective = false;
    const parser = new Parser();
    // The parser counts token offsets from where it starts: a region's tokens carry document offsets.
    if (this.region !== undefined) parser.offset = this.region.start;
    const input = this.region === undefined ? this.text : this.text.slice(this.region.start, this.region.end);
    for (const token of parser.parse(input)) {
      if (token.type === 'document') {
        // Only the first document counts; stopping here also stops parsing the rest.
        if (seenDocument) break;
        seenDocument = true;
        node = this.composeDocument(token, sawDirective);
        const v = token.value;
        if (v?.type === 'block-map' || v?.type === 'block-seq') rootBlock = { context: firstTokenOffset(v), seq: v.type === 'block-seq' };
      } else if (token.type === 'doc-end' || token.type === 'directive') {
        if (seenDocument) break;
        if (token.type === 'directive') {
          sawDirective = true;
          this.directive(token.source);
        }
      } else if (token.type === 'error') {
        // Junk after a block root is still inside that collection for libyaml; after a flow or
        // scalar root yaml.v3 stops reading before it.
        if (!seenDocument) this.problem('parser', LIBYAML.nodeContent, token.offset, token.offset);
        else if (rootBlock) this.problem('parser', rootBlock.seq ? LIBYAML.blockSeqEntry : LIBYAML.blockMapKey, token.offset, rootBlock.context);
      }
    }
    return { node, problems: this.problems, diagnostics: this.diagnostics };
  }

  private directive(source: string): void {
    const m = /^%TAG[ \t]+(\S+)[ \t]+(\S+)/.exec(source);
    if (m) this.tagHandles.set(m[1]!, m[2]!);
  }

  private composeDocument(token: CST.Document, afterDirective: boolean): SyntaxNode | undefined {
    const props = scanProps(token.start, 'doc-start', token.offset, false, true);
    this.checkProps(props);
    const end = scanProps(token.end, '', token.offset, false, false);
    if (end.tab) this.tabProblem(end.tab);
    const value = token.value;
    if (afterDirective && !props.found) this.problem('parser', LIBYAML.documentStart, value ? firstTokenOffset(value) : token.offset);
    if (props.unexpected) this.problem('parser', LIBYAML.nodeContent, props.unexpected.offset, props.unexpected.offset);
    if (value === undefined) {
      if (!props.found && props.start < 0) return undefined;
      return this.emptyNode(props, '', this.nextTokenOffset(props.end)).node;
    }
    if (props.found && !props.hasNewline && (value.type === 'block-map' || value.type === 'block-seq')) this.blockOnSameLine(value);
    const root = this.composeNode(value, props, this.region?.path ?? '', this.region?.depth ?? 1, props.end).node;
    this.drain();
    return root;
  }

  /** Processes collection frames until the stack is empty. */
  private drain(): void {
    const stack = this.stack;
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      if (frame.index >= frame.items.length) {
        stack.pop();
        this.finish(frame);
        continue;
      }
      const i = frame.index++;
      const item = frame.items[i]!;
      if (frame.kind === 'block-map') this.blockMapItem(frame, item);
      else if (frame.kind === 'block-seq') this.blockSeqItem(frame, item);
      else this.flowItem(frame, item, i);
    }
  }

  /** Completes a collection: its range ends with its last child (or a flow collection's bracket). */
  private finish(frame: Frame): void {
    let end = frame.last !== undefined ? frame.lastEnd : frame.start;
    if (frame.kind === 'flow') {
      const close = (frame.token as CST.FlowCollection).end[0];
      if (close !== undefined && (close.source === ']' || close.source === '}')) {
        end = close.offset + 1;
        this.afterFlow((frame.token as CST.FlowCollection).end, this.stack[this.stack.length - 1]);
      } else this.flowProblem(frame, close?.offset ?? this.text.length, close === undefined);
    }
    const range = this.doc.source.range(this.doc.name, frame.start, end);
    frame.node.range = range;
    const refEnd = this.ref.recordCollection(range, frame.last !== undefined ? frame.lastRefEnd : null);
    const parent = this.stack[this.stack.length - 1];
    if (parent !== undefined && parent.last === frame.node) {
      parent.lastEnd = end;
      parent.lastRefEnd = refEnd;
    }
  }

  /**
   * Tokens the `yaml` parser leaves after a flow collection's closing bracket on its line. libyaml
   * reads them as the next token of the enclosing block collection (or of the stream, at the root),
   * which expects none there; an unclosed quote runs to the end of the stream first.
   */
  private afterFlow(tokens: readonly CST.Token[], parent: Frame | undefined): void {
    for (let k = 1; k < tokens.length; k++) {
      const t = tokens[k]!;
      if (t.type === 'space' || t.type === 'comment' || t.type === 'newline') continue;
      if (t.type === 'single-quoted-scalar' || t.type === 'double-quoted-scalar') {
        let unclosed = false;
        CST.resolveAsScalar(t, true, (_offset, code) => {
          if (code === 'MISSING_CHAR') unclosed = true;
        });
        if (unclosed) return this.unclosedQuote(t.offset);
      }
      if (parent === undefined) this.problem('parser', LIBYAML.documentStart, t.offset);
      else this.structuralProblem(t.offset, parent);
      return;
    }
  }

  /** Composes a value token; collections come back empty and are filled by `drain`. */
  private composeNode(token: CST.Token, props: Props, path: string, depth: number, emptyAt: number): Child {
    switch (token.type) {
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
      case 'block-scalar':
        return this.scalar(token, props, path, depth === 1, false).made;
      case 'alias':
        return this.absent(props.start >= 0 ? props.start : token.offset, token.offset + token.source.length, path, ALIAS_NOT_SUPPORTED, utf8Length(token.source) - 1);
      case 'block-map':
      case 'block-seq':
      case 'flow-collection':
        return this.collection(token, props, path, depth);
      default:
        // The `yaml` parser flags a `-` on the line of its key; libyaml's scanner refuses it.
        if (token.type === 'error' && token.source === '-') this.problem('scanner', LIBYAML.blockSeqEntries, token.offset);
        else this.structuralProblem(token.offset);
        return this.emptyNode(props, path, emptyAt);
    }
  }

  private collection(token: Collection, props: Props, path: string, depth: number): Child {
    const start = props.start >= 0 ? props.start : token.type === 'flow-collection' ? token.offset : firstTokenOffset(token);
    if (depth > MAX_DEPTH) return this.absent(start, start + 1, path, MAX_DEPTH_EXCEEDED, 0);
    const isMap = token.type === 'block-map' || (token.type === 'flow-collection' && token.start.source === '{');
    const node = isMap ? new ObjectNodeImpl(path, this.doc) : new ArrayNodeImpl(path, this.doc);
    const kind = token.type === 'flow-collection' ? 'flow' : token.type;
    const context = token.type === 'flow-collection' ? token.offset : firstTokenOffset(token);
    this.stack.push({ kind, token, items: token.items, node, start, context, depth, index: 0, lastEnd: start, lastRefEnd: null });
    return { node };
  }

  private blockMapItem(frame: Frame, item: CST.CollectionItem): void {
    const map = frame.token as CST.BlockMap;
    const { key, sep, value } = item;
    const keyProps = scanProps(item.start, 'explicit-key-ind', key?.offset ?? sep?.[0]?.offset ?? frame.start, false, true);
    const explicit = keyProps.found !== undefined;
    this.checkProps(keyProps);
    if (!explicit && !key && !sep && keyProps.start < 0 && !keyProps.unexpected) return; // comments only
    if (keyProps.unexpected) this.structuralProblem(keyProps.unexpected.offset, frame);
    // libyaml's block mappings need a key token: `: v` without `?` is refused.
    if (!explicit && !key && keyProps.start < 0 && sep?.[0]?.type === 'map-value-ind') this.structuralProblem(sep[0].offset, frame);
    const keyStart = keyProps.start >= 0 ? keyProps.start : key ? key.offset : keyProps.end;
    if (!explicit && key) {
      if (key.type === 'block-seq') this.structuralProblem(key.offset, frame);
      else if ('indent' in key && key.indent !== map.indent) this.misindented(frame, key.offset);
    } else if (explicit && keyProps.found!.indent !== map.indent) this.structuralProblem(keyProps.found!.offset, frame);
    const keyEnd = key ? tokenEnd(key) : keyProps.end;
    const valueProps = scanProps(sep, 'map-value-ind', keyEnd, false, !key || key.type === 'block-scalar');
    const colon = valueProps.found;
    if (!explicit && !colon) {
      // libyaml: a simple key on a line without ':' — reported where the next token starts.
      this.problem('scanner', LIBYAML.simpleKeyColon, this.nextTokenOffset(keyEnd), keyStart);
    } else if (!explicit && colon && (keyProps.newlineAfterProp || isMultiLineScalar(key))) {
      // A multi-line key: libyaml drops the simple key at the line break. Later keys of a mapping are
      // required there (error at once); the first one is not, and its ':' is then refused.
      if (keyStart === frame.context) this.problem('scanner', LIBYAML.mappingValues, colon.offset);
      else this.problem('scanner', LIBYAML.simpleKeyColon, this.nextLineStart(keyStart), keyStart);
    } else if (!explicit && colon && keyStart < colon.offset - 1024) {
      this.problem('scanner', LIBYAML.simpleKeyColon, colon.offset, keyStart);
    }
    if (colon && !valueProps.hasNewline && (value?.type === 'block-map' || (value?.type === 'block-seq' && valueProps.start < 0))) {
      this.blockOnSameLine(value);
    }
    if (valueProps.unexpected) this.structuralProblem(valueProps.unexpected.offset, frame);
    // An empty value sits just after ':' (libyaml), or at the next token after an explicit key.
    const emptyValueAt = colon ? colon.offset + 1 : this.nextTokenOffset(keyEnd);
    this.entry(frame, key ?? undefined, keyProps, keyStart, value, valueProps, emptyValueAt);
  }

  private blockSeqItem(frame: Frame, item: CST.CollectionItem): void {
    const props = scanProps(item.start, 'seq-item-ind', item.value?.offset ?? frame.start, false, true);
    this.checkProps(props);
    if (!props.found) {
      if (props.start < 0 && !item.value && !props.unexpected) return; // comments only
      this.structuralProblem(props.start >= 0 ? props.start : (item.value ?? props.unexpected)!.offset, frame);
    } else if (props.unexpected) this.structuralProblem(props.unexpected.offset, frame);
    const path = joinIndex(frame.node.path, (frame.node as ArrayNodeImpl).elements.length);
    // An empty entry sits just after its '-' (libyaml).
    const emptyAt = props.found ? props.found.offset + 1 : props.end;
    this.element(frame, item.value ? this.composeNode(item.value, props, path, frame.depth + 1, emptyAt) : this.emptyNode(props, path, emptyAt));
  }

  private flowItem(frame: Frame, item: CST.CollectionItem, i: number): void {
    const fc = frame.token as CST.FlowCollection;
    const { key, sep, value } = item;
    const props = scanProps(item.start, 'explicit-key-ind', key?.offset ?? sep?.[0]?.offset ?? value?.offset ?? fc.offset + 1, true, false);
    if (props.unexpected) this.flowProblem(frame, props.unexpected.offset);
    if (props.extraComma) this.problem('parser', LIBYAML.nodeContent, props.extraComma.offset, props.extraComma.offset);
    if (!props.found && props.start < 0 && !key && !sep && !value) {
      // An empty item is fine only as a trailing comma.
      if ((i === 0 && props.comma) || i < frame.items.length - 1) this.problem('parser', LIBYAML.nodeContent, props.comma?.offset ?? props.end, props.comma?.offset);
      return;
    }
    if (i === 0 && props.comma) this.problem('parser', LIBYAML.nodeContent, props.comma.offset, props.comma.offset);
    if (i > 0 && !props.comma) this.flowProblem(frame, props.start >= 0 ? props.start : (key ?? value ?? sep?.[0] ?? fc.start).offset);
    if (frame.node.kind === 'array' && !sep && !props.found) {
      const path = joinIndex(frame.node.path, frame.node.elements.length);
      this.blockInFlow(frame, value);
      // An empty entry (only properties) sits at the next token (libyaml).
      this.element(frame, value ? this.composeNode(value, props, path, frame.depth + 1, props.end) : this.emptyNode(props, path, this.nextTokenOffset(props.end)));
      return;
    }
    const keyStart = props.start >= 0 ? props.start : key ? key.offset : props.end;
    const keyEnd = key ? tokenEnd(key) : props.end;
    const valueProps = scanProps(sep, 'map-value-ind', keyEnd, true, false);
    if (!valueProps.found && value) this.flowProblem(frame, value.offset);
    if (valueProps.unexpected) this.flowProblem(frame, valueProps.unexpected.offset);
    this.blockInFlow(frame, key);
    this.blockInFlow(frame, value);
    const emptyValueAt = this.nextTokenOffset(valueProps.found ? valueProps.found.offset + 1 : keyEnd);
    if (frame.node.kind === 'object') {
      this.entry(frame, key ?? undefined, props, keyStart, value, valueProps, emptyValueAt);
      return;
    }
    // A pair inside a flow sequence is a single-pair mapping, completed by `drain` after its value.
    const pairMap = new ObjectNodeImpl(joinIndex(frame.node.path, frame.node.elements.length), this.doc);
    this.element(frame, { node: pairMap });
    const pair: Frame = { kind: 'pair', token: fc, items: [], node: pairMap, start: keyStart, context: frame.context, depth: frame.depth + 1, index: 0, lastEnd: keyStart, lastRefEnd: null };
    this.stack.push(pair);
    this.entry(pair, key ?? undefined, props, keyStart, value, valueProps, emptyValueAt);
  }

  /** Adds a key/value entry to a mapping frame; entries with non-string keys are reported and dropped. */
  private entry(frame: Frame, key: CST.Token | undefined, keyProps: Props, keyStart: number, value: CST.Token | undefined, valueProps: Props, emptyValueAt: number): void {
    const map = frame.node as ObjectNodeImpl;
    const keyNode = this.key(key, keyProps, keyStart, map.path);
    const path = keyNode ? keyNode.path : map.path;
    this.checkProps(valueProps);
    const child = value ? this.composeNode(value, valueProps, path, frame.depth + 1, emptyValueAt) : this.emptyNode(valueProps, path, emptyValueAt);
    this.setLast(frame, child);
    if (keyNode) map.entries.push({ key: keyNode, value: child.node });
  }

  private element(frame: Frame, child: Child): void {
    (frame.node as ArrayNodeImpl).elements.push(child.node);
    this.setLast(frame, child);
  }

  private setLast(frame: Frame, child: Child): void {
    frame.last = child.node;
    if (child.end !== undefined) frame.lastEnd = child.end;
    if (child.refEnd !== undefined) frame.lastRefEnd = child.refEnd;
  }

  /** Composes a mapping key, which must be a string. Its path is the parent's joined with its value. */
  private key(token: CST.Token | undefined, props: Props, start: number, parentPath: string): StringNodeImpl | undefined {
    if (token?.type === 'alias') {
      this.absent(start, token.offset + token.source.length, parentPath, ALIAS_NOT_SUPPORTED, utf8Length(token.source) - 1);
      return undefined;
    }
    if (token?.type === 'scalar' || token?.type === 'single-quoted-scalar' || token?.type === 'double-quoted-scalar' || token?.type === 'block-scalar') {
      const { made, raw } = this.scalar(token, props, parentPath, false, true);
      const node = made.node;
      if (node instanceof StringNodeImpl) {
        node.path = joinKey(parentPath, node.value);
        return node;
      }
      this.diagnostics.push(errorDiag(KEYS_MUST_BE_STRINGS, node.range, joinKey(parentPath, raw)));
      return undefined;
    }
    const end = token ? tokenEnd(token) : props.propsEnd >= 0 ? props.propsEnd : start;
    this.diagnostics.push(errorDiag(KEYS_MUST_BE_STRINGS, this.doc.source.range(this.doc.name, start, end), parentPath));
    return undefined;
  }

  /** Composes a scalar token into a null, boolean, number or string node. */
  private scalar(token: CST.FlowScalar | CST.BlockScalar, props: Props, path: string, atRoot: boolean, isKey: boolean): { made: MadeScalar; raw: string } {
    const resolved = CST.resolveAsScalar(token, true, (offset, code, message) => this.scalarProblem(token.offset, offset, code, message, atRoot, isKey));
    const raw = resolved?.value ?? '';
    const made = makeScalar(this.doc, this.ref, token, raw, props, this.tagOf(props, token.offset), path);
    if (made.error !== undefined) this.diagnostics.push(errorDiag(made.error, made.node.range, path));
    if (token.type === 'scalar') this.lastPlain = { start: token.offset, end: token.offset + token.source.length };
    return { made, raw };
  }

  /** Resolves the tag property to its short form (`!!str`, `!custom`); undefined for none or `!`. */
  private tagOf(props: Props, nodeOffset: number): string | undefined {
    const t = props.tag;
    if (t === undefined) return undefined;
    const r = resolveTag(t.source, this.tagHandles);
    if (r.problem) this.problem('parser', r.problem, t.offset, props.start >= 0 ? props.start : nodeOffset);
    return r.tag;
  }

  /** An empty (null) scalar at `at`, or spanning its properties when it has some. */
  private emptyNode(props: Props, path: string, at: number): MadeScalar {
    const start = props.start >= 0 ? props.start : at;
    const end = props.propsEnd >= 0 ? props.propsEnd : start;
    const token: CST.FlowScalar = { type: 'scalar', offset: start, indent: 0, source: '' };
    const made = makeScalar(this.doc, this.ref, token, '', props, this.tagOf(props, start), path, { start, end });
    if (made.error !== undefined) this.diagnostics.push(errorDiag(made.error, made.node.range, path));
    return made;
  }

  /**
   * A node ESC cannot represent (alias, too deep): reported, and replaced by a null node that has
   * no reference range. The reference subject spans `nameLength` bytes from the start.
   */
  private absent(start: number, end: number, path: string, message: string, nameLength: number): Child {
    const subject = this.doc.source.range(this.doc.name, start, end);
    const refEnd = this.ref.absentEnd(subject.begin, nameLength);
    this.diagnostics.push(errorDiag(message, this.ref.recordSubject(subject, refEnd), path));
    const node = new NullNodeImpl(this.doc.source.range(this.doc.name, start, end), path, this.doc);
    this.ref.recordAbsent(node.range);
    return { node, end, refEnd };
  }

  /** Reports property problems libyaml's scanner would report. */
  private checkProps(props: Props): void {
    if (props.tab) this.tabProblem(props.tab);
    if (props.duplicate) this.problem('parser', LIBYAML.nodeContent, props.duplicate.offset, props.start);
    const { anchor, tag } = props;
    if (anchor !== undefined) {
      const next = this.text.charAt(anchor.offset + anchor.source.length);
      if (anchor.source.length === 1) this.problem('scanner', LIBYAML.alphaNumeric, anchor.offset + 1, anchor.offset);
      else if (!ANCHOR_END.test(next)) this.problem('scanner', LIBYAML.alphaNumeric, anchor.offset + anchor.source.length, anchor.offset);
    }
    if (tag !== undefined && !TAG_END.test(this.text.charAt(tag.offset + tag.source.length))) {
      this.problem('scanner', LIBYAML.tagWhitespace, tag.offset + tag.source.length, tag.offset);
    }
  }

  /**
   * A tab in block indentation. libyaml refuses it as a token start, or, when it could continue a
   * plain scalar (only white space since one ended), as violating that scalar's indentation.
   */
  private tabProblem(space: CST.SourceToken): void {
    const offset = space.offset + space.source.indexOf('\t');
    const plain = this.lastPlain;
    if (plain !== undefined && /^[ \t\r\n]*$/.test(this.text.slice(plain.end, offset))) {
      return this.problem('scanner', LIBYAML.tabIndentation, offset, plain.start);
    }
    this.problem('scanner', LIBYAML.cannotStartToken, offset);
  }

  /** Classifies a problem found while resolving a scalar. */
  private scalarProblem(start: number, offset: number, code: string, message: string, atRoot: boolean, isKey: boolean): void {
    switch (code) {
      case 'BAD_SCALAR_START':
        // In block context libyaml reads ',' as a flow entry token, which no block structure expects.
        if (this.text.charCodeAt(offset) === 0x2c) {
          // As a later key it is an unexpected token in the mapping; where a node starts, no node content.
          if (isKey && offset !== this.stack[this.stack.length - 1]?.context) break;
          return this.problem('parser', LIBYAML.nodeContent, offset, offset);
        }
        return this.problem('scanner', LIBYAML.cannotStartToken, offset);
      case 'BAD_DQ_ESCAPE':
        return this.problem('scanner', /\\[xuU]/.test(message) ? LIBYAML.hexNumber : LIBYAML.unknownEscape, offset, start);
      case 'MISSING_CHAR':
        if (message.includes('quote')) return this.unclosedQuote(start);
        if (message.startsWith('Comments must be separated')) return; // libyaml accepts `"a"#c`
        break;
      case 'BAD_INDENT':
        if (atRoot && message.startsWith('Block scalar values in collections')) return;
        break;
    }
    this.structuralProblem(offset);
  }

  /** A quoted scalar opened at `start` and never closed: libyaml reads the rest of the text as this scalar, so nothing after its start counts. */
  private unclosedQuote(start: number): void {
    this.problems.push({ stage: 'scanner', message: LIBYAML.endOfStream, offset: this.text.length, contextOffset: start, order: start });
  }

  /** A block collection starting on the line of its key or of `---`: libyaml's scanner refuses its indicator. */
  private blockOnSameLine(value: CST.BlockMap | CST.BlockSequence): void {
    if (value.type === 'block-seq') return this.problem('scanner', LIBYAML.blockSeqEntries, firstTokenOffset(value));
    const colon = value.items[0]?.sep?.find((t) => t.type === 'map-value-ind');
    this.problem('scanner', LIBYAML.mappingValues, colon?.offset ?? value.offset);
  }

  /** A block collection inside a flow collection: libyaml sees a stray ':' or '-' there. */
  private blockInFlow(frame: Frame, token: CST.Token | null | undefined): void {
    if (token?.type === 'block-seq') this.problem('parser', LIBYAML.nodeContent, token.offset, token.offset);
    else if (token?.type === 'block-map') this.flowProblem(frame, token.items[0]?.sep?.find((t) => t.type === 'map-value-ind')?.offset ?? token.offset);
  }

  private flowProblem(frame: Frame, offset: number, atStreamEnd = false): void {
    const isMap = (frame.token as CST.FlowCollection).start.source === '{';
    this.problems.push({ stage: 'parser', message: isMap ? LIBYAML.flowMapEnd : LIBYAML.flowSeqEnd, offset, contextOffset: frame.context, atStreamEnd });
  }

  /**
   * A key the `yaml` package found at the wrong indentation. libyaml is then still inside the
   * deepest block collection (along the previous entry's last children) indented no deeper than
   * the key, and reports the problem against that collection.
   */
  private misindented(frame: Frame, offset: number): void {
    const column = this.doc.source.lspPosition(offset).character;
    let target = frame.token as CST.BlockMap | CST.BlockSequence;
    let t = frame.items[frame.index - 2]?.value;
    while ((t?.type === 'block-map' || t?.type === 'block-seq') && t.indent <= column) {
      target = t;
      t = t.items[t.items.length - 1]?.value;
    }
    this.problem('parser', target.type === 'block-seq' ? LIBYAML.blockSeqEntry : LIBYAML.blockMapKey, offset, firstTokenOffset(target));
  }

  /** A structural problem at `offset`, worded after the innermost enclosing collection. */
  private structuralProblem(offset: number, frame = this.stack[this.stack.length - 1]): void {
    if (frame === undefined) return this.problem('parser', LIBYAML.nodeContent, offset, offset);
    if (frame.kind === 'flow' || frame.kind === 'pair') return this.flowProblem(frame, offset);
    this.problem('parser', frame.kind === 'block-seq' ? LIBYAML.blockSeqEntry : LIBYAML.blockMapKey, offset, frame.context);
  }

  private problem(stage: 'scanner' | 'parser', message: string, offset: number, contextOffset?: number): void {
    const p: YamlProblem = { stage, message, offset };
    if (contextOffset !== undefined) p.contextOffset = contextOffset;
    this.problems.push(p);
  }

  /** Offset of the first character after the line break that follows `from`. */
  private nextLineStart(from: number): number {
    const m = /\r\n?|\n/g;
    m.lastIndex = from;
    const found = m.exec(this.text);
    return found ? found.index + found[0].length : this.text.length;
  }

  /** Offset of the next token at or after `from`, skipping white space, line breaks and comments. */
  private nextTokenOffset(from: number): number {
    const text = this.text;
    let i = from;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else if (c === 0x23) {
        while (i < text.length && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i++;
      } else break;
    }
    return i;
  }
}

// What may follow an anchor name or a tag in libyaml (end of input counts as a line break).
const ANCHOR_END = /^(?:$|[ \t\r\n?:,\]}%@`])/;
const TAG_END = /^(?:$|[ \t\r\n,])/;

/** Offset of a block collection's first significant token (libyaml's mark for its start). */
function firstTokenOffset(token: CST.Token): number {
  if (token.type === 'block-map' || token.type === 'block-seq') {
    const item = token.items[0];
    if (item) {
      for (const t of item.start) if (t.type !== 'space' && t.type !== 'newline' && t.type !== 'comment') return t.offset;
      if (item.key) return item.key.offset;
      if (item.value) return item.value.offset;
    }
  }
  return token.offset;
}

/** End offset of a key token (scalar keys are exact; others only need a sensible span). */
function tokenEnd(token: CST.Token): number {
  if (token.type === 'scalar' || token.type === 'single-quoted-scalar' || token.type === 'double-quoted-scalar' || token.type === 'alias') return token.offset + token.source.length;
  return token.offset + 1;
}

function isMultiLineScalar(key: CST.Token | null | undefined): boolean {
  if (key?.type !== 'scalar' && key?.type !== 'single-quoted-scalar' && key?.type !== 'double-quoted-scalar') return false;
  return /[\n\r]/.test(key.source);
}
