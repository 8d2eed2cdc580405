import type { LauncherMessages } from './messages.js';

/** What the launcher shows before anything else has loaded, in the built-in languages. */
export const launcherMessages: Record<'en' | 'de', LauncherMessages> = {
  en: { launcher: 'Feedback', minimize: 'Hide the feedback button', newReply: '{count} new reply', newReplies: '{count} new replies' },
  de: { launcher: 'Feedback', minimize: 'Feedback-Knopf ausblenden', newReply: '{count} neue Antwort', newReplies: '{count} neue Antworten' },
};
