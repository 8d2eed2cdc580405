export { createClient, type ClientOptions, type DeliveryEvent, type HearkenClient, type SendResult } from './client.js';
export {
  AUDIENCES,
  DEFAULT_CATEGORIES,
  FeedbackInputSchema,
  FeedbackSchema,
  RATING_SCALES,
  URGENCIES,
  type Audience,
  type Contact,
  type Metadata,
  type Feedback,
  type FeedbackInput,
  type PageContext,
  type Rating,
  type RatingScale,
  type Signals,
  type Urgency,
  type User,
} from './schema/feedback.js';
export { MESSAGE_MAX_LENGTH, messageLength } from './schema/message-length.js';
export { parseFeedback, parseFeedbackInput, type FeedbackIssue, type ParseResult } from './schema/parse.js';
export * from './errors/index.js';
export type { ContextOptions } from './context.js';
export type { RetryOptions } from './delivery/retry-policy.js';
export { fetchTransport, type Transport, type TransportRequest, type TransportResponse } from './transport.js';
export type { OutboxItem, OutboxStorage } from './outbox/outbox-item.js';
export type { OutboxLimits } from './outbox/outbox.js';
export { createMemoryStorage } from './outbox/memory-storage.js';
export { createIndexedDBStorage } from './outbox/indexeddb-storage.js';
export { createLocalStorageStorage } from './outbox/local-storage.js';
export { createDefaultStorage, createFallbackStorage } from './outbox/fallback-storage.js';
export { hasPendingFeedback } from './outbox/pending-marker.js';
