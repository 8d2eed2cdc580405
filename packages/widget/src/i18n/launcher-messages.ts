import type { LauncherMessages, ReplyCountMessages } from './messages.js';

/** What the launcher shows before anything else has loaded, in the built-in languages. */
export const launcherMessages: Record<'en' | 'de', LauncherMessages> = {
  en: { launcher: 'Feedback', minimize: 'Minimize' },
  de: { launcher: 'Feedback', minimize: 'Minimieren' },
};

/** The launcher's count of unread team replies; loaded with the replies' code, only where this browser holds follow-up keys. */
export const replyCountMessages: Record<'en' | 'de', ReplyCountMessages> = {
  en: { newReply: '{count} new reply', newReplies: '{count} new replies' },
  de: { newReply: '{count} neue Antwort', newReplies: '{count} neue Antworten' },
};
