// A worker's copy of an open document: its current text, plus the log of edits since older versions,
// so that answers computed from an older model (the last evaluation) map onto the current text and
// positions in the current text map back onto the model.

import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, TextDocumentContentChangeEvent } from 'vscode-languageserver';

/** One edit, in UTF-16 offsets of the text before it. */
interface Edit {
  /** The version of the text the edit applies to. */
  readonly from: number;
  /** The version the edit produced. */
  readonly version: number;
  readonly start: number;
  readonly deleted: number;
  readonly inserted: number;
}

/** An open document as a worker sees it. */
export class DocumentMirror {
  private doc: TextDocument;
  private edits: Edit[] = [];

  constructor(
    readonly uri: string,
    languageId: string,
    version: number,
    text: string,
  ) {
    this.doc = TextDocument.create(uri, languageId, version, text);
  }

  get version(): number {
    return this.doc.version;
  }

  get text(): string {
    return this.doc.getText();
  }

  get languageId(): string {
    return this.doc.languageId;
  }

  /** Applies the changes of a `didChange`, recording them for position mapping. */
  apply(version: number, changes: readonly TextDocumentContentChangeEvent[]): void {
    for (const change of changes) {
      const from = this.doc.version;
      if ('range' in change) {
        const start = this.doc.offsetAt(change.range.start);
        const end = this.doc.offsetAt(change.range.end);
        this.edits.push({ from, version, start, deleted: Math.max(0, end - start), inserted: change.text.length });
      } else {
        this.edits.push({ from, version, start: 0, deleted: this.doc.getText().length, inserted: change.text.length });
      }
      this.doc = TextDocument.update(this.doc, [change], version);
    }
    // Keep the log bounded: models older than a few thousand edits are not answered from anyway.
    if (this.edits.length > 4096) this.edits.splice(0, this.edits.length - 4096);
  }

  /** Forgets the edits made before `version` (no model older than it is kept). */
  forget(version: number): void {
    const i = this.edits.findIndex((e) => e.from === version);
    if (i > 0) this.edits.splice(0, i);
    else if (i < 0 && version === this.version) this.edits = [];
  }

  /** Returns the offset of an LSP position in the current text. */
  offsetAt(p: Position): number {
    return this.doc.offsetAt(p);
  }

  /** Returns the LSP position of an offset of the current text. */
  positionAt(offset: number): Position {
    return this.doc.positionAt(offset);
  }

  /** Maps an offset of the current text to the text of version `version`; undefined inside text typed since (or when the log does not reach back). */
  toVersion(offset: number, version: number): number | undefined {
    const first = this.firstEditAfter(version);
    if (first === undefined) return undefined;
    let o = offset;
    for (let i = this.edits.length - 1; i >= first; i--) {
      const e = this.edits[i]!;
      if (o < e.start) continue;
      if (o >= e.start + e.inserted) o = o - e.inserted + e.deleted;
      else if (o === e.start) continue;
      else return undefined;
    }
    return o;
  }

  /** Maps an offset of the text of version `version` to the current text; undefined inside text deleted since. */
  fromVersion(offset: number, version: number): number | undefined {
    const first = this.firstEditAfter(version);
    if (first === undefined) return undefined;
    let o = offset;
    for (let i = first; i < this.edits.length; i++) {
      const e = this.edits[i]!;
      if (o <= e.start) continue;
      if (o >= e.start + e.deleted) o = o + e.inserted - e.deleted;
      else return undefined;
    }
    return o;
  }

  /** Returns the index of the first edit made after `version` (the length when none was), or undefined when the log does not reach back to it. */
  private firstEditAfter(version: number): number | undefined {
    if (version === this.version) return this.edits.length;
    const i = this.edits.findIndex((e) => e.from === version);
    return i < 0 ? undefined : i;
  }
}
