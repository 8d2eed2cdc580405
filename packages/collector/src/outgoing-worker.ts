import type { FeedbackStorage, OutgoingMessage } from './storage/feedback-storage.js';

/** What one attempt to send a message came to. */
export type SendResult = { ok: true } | { ok: false; error: string; retryable: boolean };

/** Options of {@link createOutgoingWorker}. */
export interface OutgoingWorkerOptions {
  storage: FeedbackStorage;
  /** The kind of message this worker sends (`webhook`, `mail`); it claims no other. */
  kind: string;
  /** Sends one message. Must not throw. */
  send(message: OutgoingMessage): Promise<SendResult>;
  /** First retry delay in ms, doubled per attempt (with jitter) up to `maxDelay`. @default 2000 */
  baseDelay?: number;
  /** @default 600000 (10 minutes) */
  maxDelay?: number;
  /** A message is given up this long (ms) after it was queued. @default 172800000 (48 hours) */
  maxAge?: number;
  /** How long a claimed message is reserved for this instance. @default 60000 */
  lease?: number;
  /** How often (ms) to look for due messages. @default 1000 */
  pollInterval?: number;
}

/** Sends one kind of message from the storage's outgoing queue. */
export interface OutgoingWorker {
  /** Sends every message that is due now. */
  deliverDue(): Promise<void>;
  /** Starts looking for due messages every `pollInterval`, including those left by a stopped or crashed instance. */
  start(): void;
  /** Stops looking, and resolves when the sends under way have ended. */
  stop(): Promise<void>;
}

/**
 * The loop behind every sender: claims due messages of one kind with a lease (so of several
 * instances one sends each, and a crashed instance's messages are sent by another), sends them, and
 * settles each: sent, retried with exponential backoff, or failed for good (not retryable, or older
 * than `maxAge`); the error stays with the message, for the inbox.
 */
export function createOutgoingWorker(options: OutgoingWorkerOptions): OutgoingWorker {
  const { storage, kind } = options;
  const baseDelay = options.baseDelay ?? 2000;
  const maxDelay = options.maxDelay ?? 10 * 60_000;
  const maxAge = options.maxAge ?? 48 * 3600_000;
  const lease = options.lease ?? 60_000;
  let timer: ReturnType<typeof setInterval> | undefined;
  let running: Promise<void> | undefined;
  let again = false;

  async function settle(message: OutgoingMessage): Promise<void> {
    const result = await options.send(message);
    if (result.ok) return void (await storage.settleOutgoing(message, { state: 'sent' }));
    const delay = Math.min(maxDelay, baseDelay * 2 ** (message.attempts - 1)) * (0.5 + Math.random() / 2);
    const at = Math.round(Date.now() + delay);
    if (!result.retryable || at - message.queuedAt > maxAge) {
      console.error(`hearken-collector: ${kind} gave up on feedback ${message.feedbackId} after ${message.attempts} attempts (${result.error})`);
      await storage.settleOutgoing(message, { state: 'failed', error: result.error });
    } else {
      await storage.settleOutgoing(message, { state: 'retry', at, error: result.error });
    }
  }

  async function drain(): Promise<void> {
    do {
      again = false;
      for (;;) {
        const due = await storage.claimOutgoing(kind, { now: Date.now(), leaseMs: lease, limit: 20 });
        if (!due.length) break;
        await Promise.all(due.map(settle));
      }
    } while (again);
  }

  const deliverDue = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = drain()
      .catch((error: Error) => console.error(`hearken-collector: ${kind} sending paused (${error.message}); trying again shortly`))
      .finally(() => (running = undefined));
    return running;
  };

  return {
    deliverDue,
    start() {
      timer ??= setInterval(() => void deliverDue(), options.pollInterval ?? 1000);
      timer.unref?.();
      void deliverDue();
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
