// Group commit: requests wait in a bounded queue and are written in batches (a few hundred rows,
// or whatever arrived within a couple of milliseconds), each batch one transaction. A request is
// answered only after its batch committed; a failed batch fails each of its requests (the
// client retries), so nothing is acknowledged that is not on disk.

export interface WriteQueueOptions<T> {
  /** Writes a batch in one transaction; resolves after the commit is durable. */
  commit(items: T[]): Promise<void>;
  /** Rows per transaction at most. */
  maxBatch?: number;
  /** How long the first waiting item may wait for others, in ms. */
  maxWaitMs?: number;
  /** Items waiting at most (past it, `enqueue` refuses: the caller answers 503). */
  maxQueued?: number;
  /** Batches written at once (1 for the embedded database: one writer). */
  concurrency?: number;
}

export interface WriteQueue<T> {
  /** Resolves once `item` is committed; null when the queue is full. */
  enqueue(item: T): Promise<void> | null;
  /** Items waiting or being written. */
  readonly pending: number;
  /** Waits for everything queued so far. */
  drain(): Promise<void>;
}

interface Waiting<T> {
  item: T;
  done(error?: unknown): void;
}

export function createWriteQueue<T>(options: WriteQueueOptions<T>): WriteQueue<T> {
  const { commit, maxBatch = 500, maxWaitMs = 2, maxQueued = 10_000, concurrency = 1 } = options;
  let waiting: Waiting<T>[] = [];
  let writing = 0;
  let inBatches = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const idle = new Set<() => void>();

  const flush = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    while (waiting.length && writing < concurrency) {
      const batch = waiting.slice(0, maxBatch);
      waiting = waiting.slice(batch.length);
      writing++;
      inBatches += batch.length;
      commit(batch.map((entry) => entry.item)).then(
        () => finish(batch),
        (error: unknown) => finish(batch, error ?? new Error('write failed')),
      );
    }
  };
  const finish = (batch: Waiting<T>[], error?: unknown): void => {
    writing--;
    inBatches -= batch.length;
    for (const entry of batch) entry.done(error);
    // What arrived during this commit goes at once: it has waited a commit already.
    if (waiting.length) flush();
    else if (!writing) for (const resolve of [...idle]) resolve();
  };
  const schedule = (): void => {
    if (waiting.length >= maxBatch || (maxWaitMs <= 0 && writing < concurrency)) flush();
    else if (!timer && writing < concurrency) timer = setTimeout(flush, maxWaitMs);
  };

  return {
    enqueue(item) {
      if (waiting.length + inBatches >= maxQueued) return null;
      const written = new Promise<void>((resolve, reject) =>
        waiting.push({ item, done: (error) => (error === undefined ? resolve() : reject(error)) }),
      );
      schedule();
      return written;
    },
    get pending() {
      return waiting.length + inBatches;
    },
    drain() {
      if (!waiting.length && !writing) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const done = (): void => {
          idle.delete(done);
          resolve();
        };
        idle.add(done);
      });
    },
  };
}
