/**
 * What the intake reads of a request. A Fetch `Request` gives it (see {@link fromFetchRequest}), and
 * so does Node's `IncomingMessage` directly, without building a `Request` for every post.
 */
export interface IntakeRequest {
  method: string;
  /** A header's value (case-insensitive name), several joined by `, ` as `Headers.get` does; `null` when absent. */
  header(name: string): string | null;
  /**
   * The whole body. Rejects with `BodyTooLargeError` past `limit` bytes (reading stops there), and
   * with another error when the body cannot be read (the client went away).
   */
  bytes(limit: number): Promise<Uint8Array>;
}

/** The body was larger than the limit; reading stopped at the first byte over it. */
export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
}

/**
 * Reads a `Request` body, counting bytes as they arrive and stopping as soon as `limit` is passed,
 * so an oversized upload is never held in memory.
 */
async function readBytes(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length'));
  if (declared > limit) throw new BodyTooLargeError();
  if (!request.body) return new Uint8Array(0);
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
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) (bytes.set(chunk, offset), (offset += chunk.byteLength));
  return bytes;
}

export const fromFetchRequest = (request: Request): IntakeRequest => ({
  method: request.method,
  header: (name) => request.headers.get(name),
  bytes: (limit) => readBytes(request, limit),
});
