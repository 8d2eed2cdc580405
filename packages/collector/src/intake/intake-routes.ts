import { parseFeedback, type Feedback } from '@hearken/client/schema';
import { jsonAnswer, unavailableAnswer, type Answer } from '../json-response.js';
import type { FeedbackStorage, NewOutgoingMessage, StoredFeedback } from '../storage/feedback-storage.js';
import { createCorsPolicy, preflightAnswer } from './cors.js';
import type { IntakeRequest } from './intake-request.js';
import { verifyIdentity } from './identity.js';
import { createRateLimiter, type RateLimiter } from './rate-limit.js';
import { readJsonBody } from './read-body.js';
import { hashFollowUpKey } from '../follow-up/follow-up-key.js';

/** Options of the intake, `POST /feedback`. */
export interface IntakeOptions {
  /** Where feedback is kept. */
  storage: FeedbackStorage;
  /** Origins whose pages may post (exact, e.g. `https://www.example.com`); `*` for any, then without credentials. @default [] (same origin only) */
  allowOrigins?: readonly string[];
  /** Posts per minute per client address; `0` turns the limit off. Counted in memory, per collector instance. @default 60 */
  rateLimit?: number;
  /** Largest request body in bytes. @default 65536 */
  maxBodyBytes?: number;
  /** What to do with feedback caught by the honeypot or the time-to-submit check. @default 'store' (kept, marked as spam, hidden from the inbox) */
  spam?: 'store' | 'drop';
  /** Feedback filled in faster than this (milliseconds, from the form's `signals.fillMs`) counts as spam. @default 1500 */
  minFillMs?: number;
  /** Shared secret to verify `user.signature` (see `signIdentity`); verified identities are stored as `verified`. */
  identitySecret?: string;
  /** Called after a new feedback is stored, e.g. a webhook forwarder. Must not throw; it is not awaited. */
  onStored?: (record: StoredFeedback) => void;
  /** Messages to queue with a new (non-spam) feedback, in the same transaction, e.g. a webhook forwarder's `outgoing`. */
  outgoing?: (record: StoredFeedback) => readonly NewOutgoingMessage[];
}

/**
 * Answers `/feedback`: the CORS preflight and `POST`, for a client at `clientAddress` (the key of
 * `limiter`, which the thread routes share: the person's answers count as posts too). `self` is the
 * collector's own origin, as the request addressed it (`http://localhost:8787`).
 */
export function createIntake(
  options: IntakeOptions,
  limiter: RateLimiter = createRateLimiter(options.rateLimit ?? 60),
): (request: IntakeRequest, self: string, clientAddress: string | undefined) => Promise<Answer> {
  const { storage, identitySecret, onStored } = options;
  const cors = createCorsPolicy(options.allowOrigins ?? []);
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024;
  const minFillMs = options.minFillMs ?? 1500;

  async function receive(request: IntakeRequest, clientAddress: string | undefined, corsHeaders: Record<string, string>, crossOrigin: boolean): Promise<Answer> {
    if (crossOrigin && !corsHeaders['access-control-allow-origin']) return jsonAnswer({ error: 'origin_not_allowed' }, 403, corsHeaders);
    const wait = limiter.take(clientAddress ?? 'unknown');
    if (wait) return jsonAnswer({ error: 'rate_limited', retryAfter: wait }, 429, { ...corsHeaders, 'retry-after': String(wait) });
    const body = await readJsonBody(request, maxBodyBytes, corsHeaders);
    if ('answer' in body) return body.answer;
    const parsed = parseFeedback(body.value);
    if (!parsed.success) return jsonAnswer({ error: 'invalid', issues: parsed.issues }, 422, corsHeaders);
    const feedback: Feedback = parsed.data;

    const spam = feedback.signals?.honeypot === true || (feedback.signals?.fillMs !== undefined && feedback.signals.fillMs < minFillMs);
    // A bot sees the same answer as a person: nothing tells it what gave it away.
    if (spam && options.spam === 'drop') return jsonAnswer({ id: feedback.id, status: 'accepted', followUp: true }, 202, corsHeaders);
    const record: StoredFeedback = { feedback, receivedAt: new Date().toISOString(), status: 'new', spam };
    // The key itself never reaches the database: only its hash, beside (not inside) the feedback.
    if (feedback.followUp) record.followUpKeyHash = await hashFollowUpKey(feedback.followUp.key);
    delete feedback.followUp;
    if (feedback.user) record.identity = identitySecret && (await verifyIdentity(feedback.user, identitySecret)) ? 'verified' : 'unverified';
    if (feedback.user?.signature) delete feedback.user.signature;
    // Anonymous means nothing that points at the person is kept: no browser string either.
    if (feedback.anonymous && feedback.context) delete feedback.context.userAgent;
    const isNew = await storage.insert(record, spam ? undefined : options.outgoing?.(record));
    if (isNew && !spam) onStored?.(record);
    // `followUp: true`: this endpoint keeps threads (GET /feedback/{id}/thread).
    return jsonAnswer({ id: feedback.id, status: isNew ? 'stored' : 'duplicate', followUp: true }, isNew ? 201 : 200, corsHeaders);
  }

  return async function intake(request, self, clientAddress) {
    const origin = request.header('origin');
    const corsHeaders = cors.headers(origin, self);
    if (request.method === 'OPTIONS') return preflightAnswer(request, corsHeaders, 'POST, OPTIONS');
    if (request.method !== 'POST') return jsonAnswer({ error: 'method_not_allowed' }, 405, { ...corsHeaders, allow: 'POST, OPTIONS' });
    try {
      return await receive(request, clientAddress, corsHeaders, Boolean(origin) && origin !== self);
    } catch (error) {
      // With the CORS headers, so a cross-origin page can tell a busy collector from a network error and read Retry-After.
      return unavailableAnswer(error, corsHeaders);
    }
  };
}
