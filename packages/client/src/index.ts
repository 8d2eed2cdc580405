export { createClient, type ClientOptions, type DeliveryEvent, type DropReason, type HearkenClient, type SendResult } from './client.js';
export * from './schema.js';
export * from './errors/index.js';
export { createId } from './id.js';
export type { ContextOptions } from './context.js';
export type { RetryOptions } from './delivery/retry-policy.js';
export { fetchTransport, type Credentials, type Transport, type TransportRequest, type TransportResponse } from './delivery/transport.js';
export type { OutboxItem, OutboxStorage } from './outbox/outbox-item.js';
export type { OutboxLimits } from './outbox/outbox.js';
export { createMemoryStorage } from './outbox/memory-storage.js';
export { createIndexedDBStorage } from './outbox/indexeddb-storage.js';
export { createLocalStorageStorage } from './outbox/local-storage.js';
export { createDefaultStorage, createFallbackStorage } from './outbox/fallback-storage.js';
export { hasPendingFeedback } from './outbox/pending-marker.js';
export { createFollowUpKey } from './follow-up/follow-up-key.js';
export { hasFollowUps, unreadCount } from './follow-up/unread-marker.js';
export { forgetMyFeedback, readMyFeedback, rememberMyFeedback, unreadReplies, updateMyFeedback, MY_FEEDBACK_KEPT_MS, type MyFeedback, type ThreadStatus } from './follow-up/my-feedback.js';
export {
  answerThread,
  checkThreads,
  loadIdentityThreads,
  loadThread,
  threadUrl,
  withdrawFeedback,
  THREAD_CHECK_INTERVAL_MS,
  type IdentityThread,
  type Thread,
  type ThreadAccess,
  type ThreadReply,
  type ThreadResult,
  type ThreadRequestOptions,
} from './follow-up/thread.js';
export { excerptOf } from './follow-up/record-follow-up.js';
export { identityAuthorization } from './follow-up/identity-authorization.js';
