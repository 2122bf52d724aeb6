// Entry point of dist/server.js, the bundled language server: on the main thread it serves LSP on
// the transport named on the command line (`--stdio`, `--node-ipc`, `--socket=N`); in a service
// worker (started from this same file) it runs the worker's message loop.

import { isMainThread } from 'node:worker_threads';

// Required lazily: the main thread only routes and never loads the engine, which keeps start-up short;
// the workers load it.
if (isMainThread) (require('./start') as typeof import('./start')).startLanguageServer(__filename);
else (require('./service/worker') as typeof import('./service/worker')).runServiceWorker();
