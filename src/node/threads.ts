import { Worker } from 'node:worker_threads';

/** Starts a worker thread running worker.ts with `message` as its data. */
export function startWorker(message: unknown, transfer: readonly ArrayBuffer[] = []): Worker {
  // Built, the worker sits beside this module as JavaScript. From source (tests, tsx) it is
  // TypeScript: the thread first registers tsx's loader, then imports it.
  const options = { workerData: message, transferList: [...transfer] };
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./worker.js', import.meta.url), options);
  }
  const source = new URL('./worker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(boot, { ...options, eval: true });
}

/** Runs one task on a fresh worker thread and resolves with the one message it sends back. */
export function runWorker<T>(message: unknown, transfer: readonly ArrayBuffer[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(message, transfer);
    worker.once('message', (result: T) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the worker thread stopped with code ${code}`));
    });
  });
}

/** How many threads to use: the wish, else the machine's parallelism, within 1 to 8. */
export function threadCount(wanted: number | undefined, available: number): number {
  return Math.max(1, Math.min(8, Math.floor(wanted ?? available)));
}
