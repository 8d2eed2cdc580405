import { parseFeedback, type Feedback } from '@hearken/client/schema';
import { json, unavailable } from '../json-response.js';
import type { FeedbackStorage, NewOutgoingMessage, StoredFeedback } from '../storage/feedback-storage.js';
import { createCorsPolicy } from './cors.js';
import { verifyIdentity } from './identity.js';
import { createRateLimiter } from './rate-limit.js';
import { BodyTooLargeError, readBody } from './read-body.js';

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

/** Answers `/feedback`: the CORS preflight and `POST`, for a client at `clientAddress` (the rate-limit key). */
export function createIntake(options: IntakeOptions): (request: Request, url: URL, clientAddress: string | undefined) => Promise<Response> {
  const { storage, identitySecret, onStored } = options;
  const cors = createCorsPolicy(options.allowOrigins ?? []);
  const limiter = createRateLimiter(options.rateLimit ?? 60);
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024;
  const minFillMs = options.minFillMs ?? 1500;

  async function receive(request: Request, clientAddress: string | undefined, corsHeaders: Record<string, string>, crossOrigin: boolean): Promise<Response> {
    if (crossOrigin && !corsHeaders['access-control-allow-origin']) return json({ error: 'origin_not_allowed' }, 403, corsHeaders);
    const wait = limiter.take(clientAddress ?? 'unknown');
    if (wait) return json({ error: 'rate_limited', retryAfter: wait }, 429, { ...corsHeaders, 'retry-after': String(wait) });
    const type = request.headers.get('content-type') ?? '';
    // Only JSON: this also turns away cross-site HTML form posts, which cannot send application/json.
    if (!/^application\/json\s*(;|$)/i.test(type)) return json({ error: 'unsupported_media_type', expected: 'application/json' }, 415, corsHeaders);

    let text: string;
    try {
      text = await readBody(request, maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return json({ error: 'payload_too_large', limit: maxBodyBytes }, 413, { ...corsHeaders, connection: 'close' });
      return json({ error: 'malformed_body' }, 400, corsHeaders);
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return json({ error: 'malformed_json' }, 400, corsHeaders);
    }
    const parsed = parseFeedback(value);
    if (!parsed.success) return json({ error: 'invalid', issues: parsed.issues }, 422, corsHeaders);
    const feedback: Feedback = parsed.data;

    const spam = feedback.signals?.honeypot === true || (feedback.signals?.fillMs !== undefined && feedback.signals.fillMs < minFillMs);
    // A bot sees the same answer as a person: nothing tells it what gave it away.
    if (spam && options.spam === 'drop') return json({ id: feedback.id, status: 'accepted' }, 202, corsHeaders);
    const record: StoredFeedback = { feedback, receivedAt: new Date().toISOString(), status: 'new', spam };
    if (feedback.user) record.identity = identitySecret && (await verifyIdentity(feedback.user, identitySecret)) ? 'verified' : 'unverified';
    if (feedback.user?.signature) delete feedback.user.signature;
    const isNew = await storage.insert(record, spam ? undefined : options.outgoing?.(record));
    if (isNew && !spam) onStored?.(record);
    return json({ id: feedback.id, status: isNew ? 'stored' : 'duplicate' }, isNew ? 201 : 200, corsHeaders);
  }

  return async function intake(request, url, clientAddress) {
    const origin = request.headers.get('origin');
    const corsHeaders = cors.headers(origin, url.origin);
    if (request.method === 'OPTIONS') {
      if (!origin || !corsHeaders['access-control-allow-origin']) return new Response(null, { status: 403, headers: { vary: 'Origin' } });
      return new Response(null, {
        status: 204,
        headers: {
          ...corsHeaders,
          'access-control-allow-methods': 'POST, OPTIONS',
          'access-control-allow-headers': request.headers.get('access-control-request-headers')?.slice(0, 500) || 'content-type',
          'access-control-max-age': '600',
        },
      });
    }
    if (request.method !== 'POST') return json({ error: 'method_not_allowed' }, 405, { ...corsHeaders, allow: 'POST, OPTIONS' });
    try {
      return await receive(request, clientAddress, corsHeaders, Boolean(origin) && origin !== url.origin);
    } catch (error) {
      // With the CORS headers, so a cross-origin page can tell a busy collector from a network error and read Retry-After.
      return unavailable(error, corsHeaders);
    }
  };
}
