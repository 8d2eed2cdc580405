/**
 * The longest message accepted, in Unicode code points.
 *
 * Code points are what JSON Schema's `maxLength` counts, so an endpoint in any language that
 * validates with `feedback.schema.json` agrees with this client byte for byte: an emoji such as
 * 👍 counts as one, a letter with a combining accent as two.
 */
export const MESSAGE_MAX_LENGTH = 5000;

/** The length of `text` in Unicode code points, the unit of {@link MESSAGE_MAX_LENGTH}. */
export function messageLength(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}
