// Questions about paths that must not throw: a path that does not exist (or cannot be read) is simply
// not a file or directory.

import { statSync } from 'node:fs';

/** Reports whether `p` is an existing directory. */
export function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Reports whether `p` is an existing regular file. */
export function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}
