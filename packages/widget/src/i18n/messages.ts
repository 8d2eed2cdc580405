/**
 * Every string the widget shows, in one typed table. Values are plain text (never HTML);
 * `{name}` placeholders are filled in by `format()`.
 */
export interface LauncherMessages {
  /** The launcher button's text; keep the word "Feedback" so people and tests find it in every language. */
  launcher: string;
  minimize: string;
}

/** Added to the launcher's name when the team answered: "Feedback, 1 new reply". `{count}` is a digit. */
export interface ReplyCountMessages {
  newReply: string;
  newReplies: string;
}

export interface DialogMessages {
  dialogTitle: string;
  close: string;
}

export interface FormMessages {
  ratingLabel: string;
  categoryLabel: string;
  categories: Record<string, string>;
  messageLabel: string;
  messagePlaceholder: string;
  emailLabel: string;
  mayContact: string;
  sendingAs: string;
  anonymous: string;
  departmentLabel: string;
  urgencyLabel: string;
  urgencies: { low: string; normal: string; high: string };
  /** "What is sent?": a disclosure listing what a feedback carries, in plain words. */
  whatIsSent: string;
  sentFields: string[];
  sentFieldsEmail: string;
  sentFieldsInternal: string;
  send: string;
  sending: string;
  sent: string;
  /** Stored while the browser is offline. */
  queued: string;
  /** Stored because the service did not answer or answered "later" (5xx, 429) while online. */
  queuedUnreachable: string;
  /** Added to a status when the outbox had to make room, or gave up an earlier feedback. */
  droppedEvicted: string;
  droppedGivenUp: string;
  failed: string;
  retry: string;
  sendAnother: string;
  errorRequired: string;
  errorMessageRequired: string;
  errorTooLong: string;
  errorEmail: string;
  errorEmailRequired: string;
  errorInvalid: string;
  errorRejected: string;
  errorNetwork: string;
  errorDropped: string;
  /**
   * Sending failed because the element has no usable endpoint (the page's set-up). Optional, so
   * that language tables written before it still type-check; English fills in.
   */
  errorNoEndpoint?: string;
}

/** The "Your messages" view: the person's earlier feedback from this browser, the team's answers, and their own. */
export interface ThreadMessages {
  yourMessages: string;
  backToForm: string;
  noMessages: string;
  loading: string;
  /** What the person sees of the team's status (the team's `read` shows as `new`). */
  threadStatus: { new: string; 'in-progress': string; resolved: string };
  fromTeam: string;
  fromYou: string;
  yourAnswer: string;
  answerSent: string;
  deleteFeedback: string;
  confirmDelete: string;
  cancel: string;
  deleted: string;
  /** The thank-you when the endpoint keeps threads: where the answer will appear, and (with an email) by email too. */
  sentFollowUp: string;
  sentFollowUpEmail: string;
}

export interface RatingMessages {
  stars: string[];
  nps: { low: string; high: string };
  thumbs: [down: string, up: string];
  emoji: string[];
  helpfulQuestion: string;
  commentLabel: string;
  thanks: string;
}

/** The whole table for one language. */
export type Messages = LauncherMessages & ReplyCountMessages & DialogMessages & FormMessages & ThreadMessages & RatingMessages;

/** Fills `{name}` placeholders. */
export const format = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (all, key: string) => String(values[key] ?? all));
