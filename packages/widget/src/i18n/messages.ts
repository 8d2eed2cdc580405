/**
 * Every string the widget shows, in one typed table. Values are plain text (never HTML);
 * `{name}` placeholders are filled in by `format()`.
 */
export interface LauncherMessages {
  /** The launcher button's text; keep the word "Feedback" so people and tests find it in every language. */
  launcher: string;
  minimize: string;
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
  send: string;
  sending: string;
  sent: string;
  queued: string;
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
export type Messages = LauncherMessages & DialogMessages & FormMessages & RatingMessages;

/** Fills `{name}` placeholders. */
export const format = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (all, key: string) => String(values[key] ?? all));
