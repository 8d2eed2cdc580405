import { createHash } from 'node:crypto';

/**
 * What a database keeps of a withdrawn feedback: a hex SHA-256 of its id, enough to refuse the
 * same id posted again (a client's retry), and nothing that reads back as the id.
 */
export const removedIdHash = (id: string): string => createHash('sha256').update(`hearken-removed:${id}`).digest('hex');
