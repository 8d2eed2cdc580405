import {
  MESSAGE_MAX_LENGTH,
  answerThread,
  excerptOf,
  identityAuthorization,
  isHttpError,
  loadIdentityThreads,
  loadThread,
  messageLength,
  readMyFeedback,
  withdrawFeedback,
  type MyFeedback,
  type Thread,
  type ThreadAccess,
  type User,
} from '@hearken/client';
import { html, nothing } from 'lit';
import { HearkenElement } from '../base/hearken-element.js';
import { describeError } from '../i18n/describe-error.js';
import { format } from '../i18n/messages.js';
import { messagesStyles } from './messages.styles.js';

/** A thread reached with this browser's key (a stored entry), or by the signed-in person's identity. */
type ThreadEntry = ThreadAccess & Pick<MyFeedback, 'createdAt' | 'excerpt' | 'status'>;

/** A thread as the view holds it: the entry, and what the endpoint said (or why it could not). */
interface ThreadState {
  entry: ThreadEntry;
  thread?: Thread;
  error?: string;
  answer: string;
  answerError?: string;
  confirmingDelete?: boolean;
}

/**
 * "Your messages": the feedback this browser sent to endpoints that keep threads — and, for a user
 * the page signed in (`user` with a `signature`), that person's threads from `endpoint` on any
 * device — with the team's answers (never its internal notes: the endpoint does not send them), an answer field per thread,
 * and a way to delete one's own feedback. Opening it marks every reply as seen. Everything shown is
 * text, never HTML. Loaded lazily by `<hearken-feedback>`'s dialog.
 *
 * @summary The person's earlier feedback and the team's answers.
 * @tag hearken-messages
 * @event hearken-replies-seen - The person has seen every reply; the launcher updates its count.
 */
export class HearkenMessages extends HearkenElement {
  static override styles = messagesStyles;
  static override properties = { threads: { state: true }, statusText: { state: true } };

  /** The signed-in user the launcher was given (`identify()`); with a `signature`, their threads on `endpoint` are shown too. */
  declare user?: User;

  private threads: ThreadState[] = [];
  private statusText = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.reload();
  }

  /** Reads the list again and fetches every thread. */
  async reload(): Promise<void> {
    const entries = readMyFeedback().filter((e) => e.followUp);
    const authorization = identityAuthorization(this.user);
    this.threads = entries.map((entry) => ({ entry, answer: '' }));
    this.statusText = entries.length || authorization ? this.localize.t.loading : '';
    await Promise.all([
      ...this.threads.map(async (state) => {
        const result = await loadThread(state.entry, { markSeen: true, credentials: this.credentials });
        if (result.ok && 'thread' in result) state.thread = result.thread;
        else if (!result.ok) state.error = result.gone ? undefined : describeError(this.localize.t, result.error);
        if (!result.ok && result.gone) this.threads = this.threads.filter((s) => s !== state);
      }),
      authorization && this.endpoint ? this.#loadByIdentity(this.endpoint, authorization) : undefined,
    ]);
    this.threads = [...this.threads].sort((a, b) => b.entry.createdAt.localeCompare(a.entry.createdAt));
    this.statusText = '';
    this.dispatchEvent(new Event('hearken-replies-seen', { bubbles: true, composed: true }));
  }

  /** Adds the signed-in person's threads that this browser holds no key for (written on another device). */
  async #loadByIdentity(endpoint: string, authorization: string): Promise<void> {
    const result = await loadIdentityThreads(endpoint, authorization, { credentials: this.credentials });
    if (!result.ok) {
      // An endpoint without threads by identity (404) has nothing to add; a refused identity is the page's to fix.
      if (isHttpError(result.error) && result.error.status === 401) console.warn(`Hearken: threads by identity refused: ${result.error.body}`);
      return;
    }
    const known = new Set(this.threads.map((s) => s.entry.id));
    for (const thread of result.threads.filter((t) => !known.has(t.id))) {
      const entry = { id: thread.id, endpoint, authorization, createdAt: thread.createdAt, excerpt: excerptOf(thread), status: thread.status };
      this.threads.push({ entry, thread, answer: '' });
    }
  }

  /** Moves focus to the first thing to read or do. */
  override focus(): void {
    (this.renderRoot.querySelector<HTMLElement>('h3') ?? this.renderRoot.querySelector<HTMLElement>('.empty'))?.focus();
  }

  override render() {
    const t = this.localize.t;
    const date = new Intl.DateTimeFormat(this.locale || document.documentElement.lang || 'en', { dateStyle: 'medium', timeStyle: 'short' });
    const when = (iso: string) => html`<time datetime=${iso}>${date.format(new Date(iso))}</time>`;
    return html`
      ${this.threads.length ? nothing : html`<p class="empty" tabindex="-1">${t.noMessages}</p>`}
      <ol>
        ${this.threads.map((state, i) => {
          const { entry, thread } = state;
          return html`<li>
            <article aria-labelledby="thread-${i}">
              <h3 id="thread-${i}" tabindex="-1" dir="auto">${entry.excerpt}</h3>
              <p class="meta">${when(entry.createdAt)} · ${t.threadStatus[thread?.status ?? entry.status ?? 'new']}</p>
              ${state.error ? html`<p class="error">${state.error}</p>` : nothing}
              ${thread?.replies.length
                ? html`<ol class="replies">
                    ${thread.replies.map(
                      (reply) => html`<li class=${reply.author}>
                        <span class="author">${reply.author === 'team' ? t.fromTeam : t.fromYou}</span> ${when(reply.createdAt)}
                        <p dir="auto">${reply.body}</p>
                      </li>`,
                    )}
                  </ol>`
                : nothing}
              <form novalidate @submit=${(e: Event) => this.#answer(e, state)}>
                <label for="answer-${i}">${t.yourAnswer}</label>
                <textarea
                  id="answer-${i}"
                  rows="3"
                  dir="auto"
                  aria-invalid=${state.answerError ? 'true' : 'false'}
                  aria-describedby=${state.answerError ? `answer-${i}-error` : nothing}
                  .value=${state.answer}
                  @input=${(e: Event) => (state.answer = (e.target as HTMLTextAreaElement).value)}
                ></textarea>
                ${state.answerError ? html`<p class="error" id="answer-${i}-error">${state.answerError}</p>` : nothing}
                <div class="actions">
                  <button class="primary" type="submit">${t.send}</button>
                  ${!entry.key
                    ? nothing
                    : state.confirmingDelete
                    ? html`<span role="alert">${t.confirmDelete}</span>
                        <button class="secondary confirm-delete" type="button" @click=${() => this.#delete(state)}>${t.deleteFeedback}</button>
                        <button class="secondary" type="button" @click=${() => this.#confirmDelete(state, false)}>${t.cancel}</button>`
                    : html`<button class="secondary delete" type="button" @click=${() => this.#confirmDelete(state, true)}>${t.deleteFeedback}</button>`}
                </div>
              </form>
            </article>
          </li>`;
        })}
      </ol>
      <p class="status" role="status">${this.statusText}</p>
    `;
  }

  async #answer(event: Event, state: ThreadState): Promise<void> {
    event.preventDefault();
    const t = this.localize.t;
    const message = state.answer.trim();
    const length = messageLength(message);
    state.answerError = !message ? t.errorRequired : length > MESSAGE_MAX_LENGTH ? format(t.errorTooLong, { max: MESSAGE_MAX_LENGTH, count: length }) : undefined;
    if (state.answerError) return this.#refresh();
    const result = await answerThread(state.entry, message, { credentials: this.credentials });
    if (!result.ok) {
      state.answerError = describeError(t, result.error);
      return this.#refresh();
    }
    state.answer = '';
    const reloaded = await loadThread(state.entry, { markSeen: true, credentials: this.credentials });
    if (reloaded.ok && 'thread' in reloaded) state.thread = reloaded.thread;
    this.statusText = t.answerSent;
    this.#refresh();
  }

  #confirmDelete(state: ThreadState, confirming: boolean): void {
    state.confirmingDelete = confirming;
    this.#refresh();
  }

  async #delete(state: ThreadState): Promise<void> {
    const result = await withdrawFeedback(state.entry as MyFeedback, { credentials: this.credentials });
    if (!result.ok) {
      state.error = describeError(this.localize.t, result.error);
      state.confirmingDelete = false;
      return this.#refresh();
    }
    this.threads = this.threads.filter((s) => s !== state);
    this.statusText = this.localize.t.deleted;
  }

  #refresh(): void {
    this.threads = [...this.threads];
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hearken-messages': HearkenMessages;
  }
}
