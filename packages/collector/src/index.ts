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
  type Reply,
  type StatusChange,
  type DeliveryProblem,
  type AuditEntry,
  type AuditAction,
} from './storage/feedback-storage.js';
export { DEFAULT_ANSWER_TARGETS, parseAnswerTargets, isOverdue, type AnswerTargets } from './follow-up/answer-targets.js';
export { parseDuration } from './duration.js';
export { startRetention, applyRetention, withoutPersonalData, type Retention } from './privacy/retention.js';
export { hashFollowUpKey, followUpKeyMatches } from './follow-up/follow-up-key.js';
export { threadView, type ThreadView } from './follow-up/thread-routes.js';
export type { InboxItem } from './inbox/inbox-item.js';
export type { AnswerStats, InboxStats } from './inbox/inbox-stats.js';
export { createMailSender, type MailSender, type MailSenderOptions } from './mail-sender.js';
export { createOutgoingWorker, type OutgoingWorker, type OutgoingWorkerOptions, type SendResult } from './outgoing-worker.js';
export { readRoutes, parseRoutes, type Route, type Routing, type Team } from './routing/routes-file.js';
export { signIdentity, verifyIdentity } from './intake/identity.js';
export { createWebhookForwarder, summarizeFeedback, type WebhookForwarder, type WebhookForwarderOptions } from './webhook-forwarder.js';
export { openStorage } from './storage/open-storage.js';
export type { PostgresStorageOptions } from './storage/postgres-storage.js';
