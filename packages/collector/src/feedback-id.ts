/**
 * Whether `text` can name a feedback: 1 to 200 characters, none of them a control character
 * (PostgreSQL refuses NUL in text; no id the client makes has any).
 */
export const isId = (text: string): boolean => text.length > 0 && text.length <= 200 && !/[\u0000-\u001f\u007f]/.test(text);

/** The id in a path segment, percent-decoded; `undefined` when it is malformed or cannot be an id. */
export function readId(segment: string): string | undefined {
  let id: string;
  try {
    id = decodeURIComponent(segment);
  } catch {
    return undefined;
  }
  return isId(id) ? id : undefined;
}
