import { json } from '../json-response.js';

/** The body was larger than the limit; reading stopped at the first byte over it. */
export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
}

/**
 * Reads a request body as UTF-8, counting bytes as they arrive and stopping as soon as `limit`
 * is passed, so an oversized upload is never held in memory.
 */
export async function readBody(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get('content-length'));
  if (declared > limit) throw new BodyTooLargeError();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLargeError();
    }
    chunks.push(value);
  }
  const bytes = chunks.length === 1 ? chunks[0]! : new Uint8Array(size);
  if (chunks.length > 1) {
    let offset = 0;
    for (const chunk of chunks) (bytes.set(chunk, offset), (offset += chunk.byteLength));
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/**
 * Reads a JSON request body: `{ value }`, or the answer to give (`415` for another content type,
 * `413` over `limit` bytes, `400` for bytes that are not UTF-8 or not JSON), with `headers` added.
 * Requiring `application/json` also turns away cross-site HTML form posts, which cannot send it.
 */
export async function readJson(request: Request, limit: number, headers: Record<string, string>): Promise<{ value: unknown } | { response: Response }> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) return { response: json({ error: 'unsupported_media_type', expected: 'application/json' }, 415, headers) };
  let text: string;
  try {
    text = await readBody(request, limit);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return { response: json({ error: 'payload_too_large', limit }, 413, { ...headers, connection: 'close' }) };
    return { response: json({ error: 'malformed_body' }, 400, headers) };
  }
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return { response: json({ error: 'malformed_json' }, 400, headers) };
  }
}
