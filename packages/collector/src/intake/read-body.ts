import { jsonAnswer, toResponse, type Answer } from '../json-response.js';
import { BodyTooLargeError, fromFetchRequest, type IntakeRequest } from './intake-request.js';

export { BodyTooLargeError } from './intake-request.js';

/** Reads a request body as UTF-8 (rejecting bytes that are not), up to `limit` bytes (else `BodyTooLargeError`). */
const readText = async (request: IntakeRequest, limit: number): Promise<string> => new TextDecoder('utf-8', { fatal: true }).decode(await request.bytes(limit));

/** {@link readText} of a Fetch `Request`. */
export const readBody = (request: Request, limit: number): Promise<string> => readText(fromFetchRequest(request), limit);

/**
 * Reads a JSON request body: `{ value }`, or the answer to give (`415` for another content type,
 * `413` over `limit` bytes, `400` for bytes that are not UTF-8 or not JSON), with `headers` added.
 * Requiring `application/json` also turns away cross-site HTML form posts, which cannot send it.
 */
export async function readJsonBody(request: IntakeRequest, limit: number, headers: Record<string, string>): Promise<{ value: unknown } | { answer: Answer }> {
  const type = request.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) return { answer: jsonAnswer({ error: 'unsupported_media_type', expected: 'application/json' }, 415, headers) };
  let text: string;
  try {
    text = await readText(request, limit);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return { answer: jsonAnswer({ error: 'payload_too_large', limit }, 413, { ...headers, connection: 'close' }) };
    return { answer: jsonAnswer({ error: 'malformed_body' }, 400, headers) };
  }
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return { answer: jsonAnswer({ error: 'malformed_json' }, 400, headers) };
  }
}

/** {@link readJsonBody} of a Fetch `Request`, the answer as a `Response`. */
export async function readJson(request: Request, limit: number, headers: Record<string, string>): Promise<{ value: unknown } | { response: Response }> {
  const body = await readJsonBody(fromFetchRequest(request), limit, headers);
  return 'answer' in body ? { response: toResponse(body.answer) } : body;
}
