import * as z from 'zod/mini';
import { FeedbackInputSchema, FeedbackSchema, type Feedback, type FeedbackInput } from './feedback.js';

/**
 * One problem found in a feedback object, as data: `code` is stable and translatable
 * (`required`, `too_big`, `invalid_format`, `invalid_type`, `invalid_value`, `custom`…),
 * `path` names the field (`['contact', 'email']`), `message` is an English explanation.
 */
export interface FeedbackIssue {
  path: (string | number)[];
  code: string;
  message: string;
  /** For `too_big`/`too_small`: the bound. */
  limit?: number;
}

/** The result of {@link parseFeedback}: the typed, normalised feedback, or every issue found. */
export type ParseResult<T> = { success: true; data: T } | { success: false; issues: FeedbackIssue[] };

function toIssues(error: z.core.$ZodError): FeedbackIssue[] {
  return error.issues.map((issue) => {
    const params = (issue as { params?: { code?: string; maximum?: number } }).params;
    const limit = (issue as { maximum?: unknown; minimum?: unknown }).maximum ?? (issue as { minimum?: unknown }).minimum ?? params?.maximum;
    return {
      path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
      code: params?.code ?? issue.code,
      message: issue.message,
      ...(limit === undefined ? {} : { limit: Number(limit) }),
    };
  });
}

function parseWith<T>(schema: z.ZodMiniType<T>, value: unknown): ParseResult<T> {
  const result = z.safeParse(schema, value);
  return result.success ? { success: true, data: result.data } : { success: false, issues: toIssues(result.error) };
}

/**
 * Validates a feedback object as received on the wire (what an endpoint does) and returns the
 * normalised value (strings trimmed, unknown fields dropped) or the issues.
 *
 * @example
 * const result = parseFeedback(await request.json());
 * if (!result.success) return Response.json({ issues: result.issues }, { status: 422 });
 */
export function parseFeedback(value: unknown): ParseResult<Feedback> {
  return parseWith(FeedbackSchema, value);
}

/** Validates what a caller gives to `client.send()`, e.g. to check a form before sending. */
export function parseFeedbackInput(value: unknown): ParseResult<FeedbackInput> {
  return parseWith(FeedbackInputSchema, value);
}
