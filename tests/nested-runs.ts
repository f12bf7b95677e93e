/**
 * The flags of a child run whose subject is not how its checks spread over workers: one worker.
 * Each worker a run starts loads Playwright and the suite again (about a CPU second), and `npm test`
 * is bound by CPU. The tests of worker counts, of the real account's lanes and of a whole run keep
 * the run's own choice.
 */
export const oneWorker = ['--workers', '1'] as const;
