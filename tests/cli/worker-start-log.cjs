// Preloaded (NODE_OPTIONS --require) into every process of a run: each Playwright worker that
// starts appends its process id to the file WORKER_START_LOG names.
const log = process.env.WORKER_START_LOG;
if (log && process.argv[1]?.includes('workerProcessEntry'))
  require('node:fs').appendFileSync(log, `${process.pid}\n`);
