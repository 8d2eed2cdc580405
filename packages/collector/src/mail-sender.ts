import nodemailer from 'nodemailer';
import { createOutgoingWorker, type OutgoingWorker } from './outgoing-worker.js';
import type { FeedbackStorage, NewOutgoingMessage, Reply, StoredFeedback } from './storage/feedback-storage.js';

/** Options of {@link createMailSender}. */
export interface MailSenderOptions {
  /**
   * The SMTP server: `smtp://host:587` (STARTTLS when offered), `smtps://host:465`, with
   * `user:password@` when it asks for a login.
   * @example 'smtp://hearken:secret@mail.example.com:587'
   */
  smtp: string;
  /** The sender, e.g. `Example Support <support@example.com>`. */
  from: string;
  /** Where the person's answers by mail go. @default the sender */
  replyTo?: string;
  /** Where pending mails are kept: the collector's storage, so they survive a restart and failures show in the inbox. */
  storage: FeedbackStorage;
  /** First retry delay in ms, doubled per attempt up to 10 minutes. @default 2000 */
  baseDelay?: number;
  /** How long a claimed mail is reserved for this instance. @default 60000 */
  lease?: number;
  /** How often (ms) to look for due mails. @default 1000 */
  pollInterval?: number;
}

/** Mails team replies to people who asked to be contacted. */
export interface MailSender extends OutgoingWorker {
  /**
   * Pass as the handler's `replyOutgoing`: the mail to queue with a team reply, in the same transaction.
   * None for a note, for spam, or when the feedback has no `contact.email` with `mayContact: true`.
   */
  outgoing(record: StoredFeedback, reply: Reply): NewOutgoingMessage[];
}

/** What a queued mail holds. */
interface MailPayload {
  to: string;
  subject: string;
  text: string;
}

const excerpt = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

function compose(record: StoredFeedback, reply: Reply): MailPayload {
  const f = record.feedback;
  const original = f.message ?? (f.rating ? `${f.rating.scale} ${f.rating.value}` : '');
  const quoted = excerpt(original, 1000).split('\n').map((line) => `> ${line}`).join('\n');
  return {
    to: f.contact!.email!,
    subject: `Re: your feedback${f.message ? `: ${excerpt(f.message.replace(/\s+/g, ' '), 60)}` : ''}`,
    text: `${reply.body}\n\n--\nYou wrote on ${f.createdAt.slice(0, 10)}:\n${quoted}\n`,
  };
}

/**
 * Sends team replies by mail over SMTP (nodemailer), from the storage's outgoing queue: a reply's
 * mail is stored with the reply, sent in the background, retried with backoff while the server is
 * unreachable or answers 4xx, and marked failed on a 5xx (e.g. no such mailbox); failures show in
 * the inbox. Exactly one mail per team reply, and only with the person's consent.
 *
 * @example
 * const mail = createMailSender({ smtp: 'smtp://mail.example.com:587', from: 'support@example.com', storage });
 * const handle = createHandler({ storage, replyOutgoing: mail.outgoing, onReply: () => void mail.deliverDue() });
 * mail.start();
 */
export function createMailSender(options: MailSenderOptions): MailSender {
  const transport = nodemailer.createTransport({ url: options.smtp, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  const worker = createOutgoingWorker({
    ...options,
    kind: 'mail',
    async send(message) {
      try {
        const mail = JSON.parse(message.payload) as MailPayload;
        await transport.sendMail({
          from: options.from,
          replyTo: options.replyTo,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          // The same id on every retry: a server that got it twice can tell.
          messageId: `<${message.id}@hearken>`,
        });
        return { ok: true };
      } catch (cause) {
        const error = cause as Error & { responseCode?: number };
        // A 5xx is the server's final word (no such mailbox, refused); anything else may pass later.
        return { ok: false, error: error.message, retryable: !(error.responseCode && error.responseCode >= 500) };
      }
    },
  });
  return {
    outgoing: (record, reply) =>
      !reply.internal && reply.author === 'team' && !record.spam && record.feedback.contact?.mayContact === true && record.feedback.contact.email
        ? [{ kind: 'mail', target: `reply/${reply.id}`, payload: JSON.stringify(compose(record, reply)) }]
        : [],
    ...worker,
    async stop() {
      await worker.stop();
      transport.close();
    },
  };
}
