/**
 * The longest message accepted, in Unicode code points, after trimming surrounding white space.
 *
 * Code points are what JSON Schema counts, so an endpoint in any language that validates with
 * `feedback.schema.json` agrees with this client byte for byte: an emoji such as 👍 counts as one,
 * a letter with a combining accent as two.
 */
export const MESSAGE_MAX_LENGTH = 5000;

/**
 * The length of a message as {@link MESSAGE_MAX_LENGTH} counts it: Unicode code points of the
 * text without its surrounding white space (what is sent and stored).
 * @example messageLength(' 👍 ok\n') // 4
 */
export function messageLength(text: string): number {
  let length = 0;
  for (const _ of text.trim()) length++;
  return length;
}
