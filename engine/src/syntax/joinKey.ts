// Document paths (spec §2.5): ESC's JoinKey, used for the path of every syntax node.

/** Appends the mapping key `key` to the document path `root`, as ESC's `JoinKey` does. */
export function joinKey(root: string, key: string): string {
  // An empty key leaves the path unchanged (a quirk of the reference).
  if (key === '') return root;
  if (needsEscaping(key)) return root + '["' + key.replace(/"/g, '\\"') + '"]';
  return root === '' ? key : root + '.' + key;
}

/** Appends the sequence index `index` to the document path `root`. */
export function joinIndex(root: string, index: number): string {
  return root + '[' + index + ']';
}

/** Reports whether a key must be written as a quoted subscript: a leading digit or any char outside `[A-Za-z0-9_]`. */
function needsEscaping(key: string): boolean {
  const first = key.charCodeAt(0);
  if (first >= 0x30 && first <= 0x39) return true;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    const word = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
    if (!word) return true;
  }
  return false;
}
