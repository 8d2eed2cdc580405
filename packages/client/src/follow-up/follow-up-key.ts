/**
 * A follow-up key: 128 random bits from the platform's CSPRNG, base64url without padding
 * (22 characters). It is the only proof that a browser wrote a feedback: whoever holds it may read
 * the team's answers and reply, so it stays in this browser and the collector keeps only its hash.
 */
export function createFollowUpKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
