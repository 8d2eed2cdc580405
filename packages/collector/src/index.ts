export { createHandler, type ConnectionInfo, type HandlerOptions } from './handler.js';
export { startServer, type RunningServer, type ServerOptions } from './server.js';
export { createSqliteStorage } from './storage/sqlite-storage.js';
export { createMemoryStorage } from './storage/memory-storage.js';
export {
  FEEDBACK_STATUSES,
  type FeedbackStatus,
  type FeedbackStorage,
  type InboxFilter,
  type NewOutgoingMessage,
  type OutgoingMessage,
  type OutgoingOutcome,
  type StoredFeedback,
} from './storage/feedback-storage.js';
export { signIdentity, verifyIdentity } from './intake/identity.js';
export { createWebhookForwarder, type WebhookForwarder, type WebhookForwarderOptions } from './webhook-forwarder.js';
export { openStorage } from './storage/open-storage.js';
export type { PostgresStorageOptions } from './storage/postgres-storage.js';
