// File URIs and paths.

import { fileURLToPath, pathToFileURL } from 'node:url';

/** Returns the file path of a `file:` URI, or undefined for other schemes and malformed URIs. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** Returns the `file:` URI of a path. */
export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}
