// Entry point of dist/server.js, the bundled language server: on the main thread it serves LSP on
// the transport named on the command line (`--stdio`, `--node-ipc`, `--socket=N`); in a service
// worker (started from this same file) it runs the worker's message loop.

import { isMainThread } from 'node:worker_threads';
import { runServiceWorker } from './service/worker';
import { startLanguageServer } from './start';

if (isMainThread) startLanguageServer(__filename);
else runServiceWorker();
