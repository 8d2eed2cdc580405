// The launcher's unread-replies badge and the background check of this browser's threads. The
// launcher loads this only where the browser holds follow-up keys, so a page pays nothing for it
// until someone has sent feedback that can be answered.
import { checkThreads, unreadCount } from '@hearken/client';
import { replyCountMessages } from '../i18n/launcher-messages.js';
import { format, type LauncherMessages, type ReplyCountMessages } from '../i18n/messages.js';
import { languageOf } from '../i18n/translations.js';

/** Paints the count of unread team replies on the launcher, in the launcher's strings and language. */
export type PaintReplies = (text: LauncherMessages & Partial<ReplyCountMessages>, locale: string) => void;

/**
 * Adds the badge to `launcher`, checks the threads in idle time (each at most once per 10 minutes)
 * and calls `repaint` when the count may have changed (after the check, and when "Your messages"
 * says the person has seen the replies). Returns the painter the launcher calls whenever it
 * localizes: a badge with the digit, and the count in the button's name ("Feedback, 1 new reply").
 */
export function showReplies(host: HTMLElement, launcher: HTMLButtonElement, repaint: () => void): PaintReplies {
  const badge = Object.assign(document.createElement('span'), { className: 'badge', hidden: true });
  badge.setAttribute('aria-hidden', 'true');
  launcher.append(badge);
  host.addEventListener('hearken-replies-seen', repaint);
  const later = window.requestIdleCallback ?? setTimeout;
  later(() => void checkThreads({ credentials: (host.getAttribute('credentials') || undefined) as RequestCredentials | undefined }).then(repaint, () => {}));

  return (text, locale) => {
    const strings = { ...replyCountMessages.en, ...(replyCountMessages as Record<string, ReplyCountMessages>)[languageOf(locale)], ...text };
    const unread = unreadCount();
    badge.hidden = !unread;
    badge.textContent = String(unread);
    if (unread) launcher.setAttribute('aria-label', `${strings.launcher}, ${format(unread === 1 ? strings.newReply : strings.newReplies, { count: unread })}`);
    else launcher.removeAttribute('aria-label');
  };
}
