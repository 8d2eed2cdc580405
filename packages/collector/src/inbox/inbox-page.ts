import { AUDIENCES, URGENCIES } from '@hearken/client/schema';
import { FEEDBACK_STATUSES, type AuditEntry, type InboxFilter } from '../storage/feedback-storage.js';
import type { InboxItem } from './inbox-item.js';
import { escapeHtml as e } from './escape-html.js';

const STYLE = `
:root{color-scheme:light dark;--accent:#3451b2;--muted:#667;--line:#dde;--card:#fff;--bg:#f5f6fa;font:15px/1.45 system-ui,sans-serif}
@media (prefers-color-scheme:dark){:root{--line:#334;--card:#1d1f27;--bg:#14151b;--muted:#99a;--accent:#8ea8ff}}
body{margin:0;background:var(--bg)}header{display:flex;gap:1rem;align-items:center;flex-wrap:wrap;padding:.8rem 1.2rem;border-bottom:1px solid var(--line);background:var(--card)}
h1{font-size:1.15rem;margin:0}h2{font-size:1rem;margin:.2rem 0 .6rem}header nav{margin-left:auto;display:flex;gap:.8rem;align-items:center}
a{color:var(--accent)}form.filters{display:flex;flex-wrap:wrap;gap:.5rem;padding:.8rem 1.2rem;align-items:end}
label{display:flex;flex-direction:column;font-size:.8rem;color:var(--muted);gap:.15rem}
input,select,button{font:inherit;padding:.3rem .45rem;border:1px solid var(--line);border-radius:6px;background:var(--card);color:inherit;min-height:2rem}
button{cursor:pointer}button.primary{background:var(--accent);color:#fff;border-color:var(--accent)}button.danger{background:#b3261e;color:#fff;border-color:#b3261e}details.delete{margin-top:.4rem}details.delete p{margin:.3rem 0}
main{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:1.2rem;padding:0 1.2rem 2rem}
article{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:.8rem 1rem;margin-bottom:.8rem}
article.new{border-left:4px solid var(--accent)}article.resolved{opacity:.65}
.meta{display:flex;flex-wrap:wrap;gap:.35rem;font-size:.8rem;color:var(--muted);align-items:center}
.badge{border:1px solid var(--line);border-radius:999px;padding:0 .5rem}.high{background:#b3261e;color:#fff;border-color:#b3261e}
.message{white-space:pre-wrap;overflow-wrap:anywhere;margin:.5rem 0}.actions{display:flex;gap:.4rem;margin-top:.4rem}
.empty{color:var(--muted)}.login{max-width:22rem;margin:4rem auto;background:var(--card);padding:1.5rem;border-radius:10px;border:1px solid var(--line);display:flex;flex-direction:column;gap:.8rem}
.error{color:#b3261e}
.thread{list-style:none;margin:.5rem 0;padding:0;display:flex;flex-direction:column;gap:.4rem}.thread li{border-left:3px solid var(--line);padding:.1rem .6rem}
.thread li.team{border-color:var(--accent)}.thread li.note{border-color:#b8860b;background:color-mix(in srgb,#b8860b 10%,transparent)}
.thread p{margin:.1rem 0;white-space:pre-wrap;overflow-wrap:anywhere}form.reply{display:flex;flex-direction:column;gap:.4rem;margin-top:.5rem}
form.reply label.check{flex-direction:row;align-items:center;gap:.3rem}form.reply button{align-self:flex-start}textarea{font:inherit;padding:.3rem .45rem;border:1px solid var(--line);border-radius:6px;background:var(--card);color:inherit;min-height:3.5rem}
.retention,details.person{padding:0 1.2rem}.trail{font-size:.8rem;color:var(--muted);margin:.4rem 0}.trail ul{margin:.2rem 0;padding-left:1.2rem}.trail p{margin:.2rem 0}.overdue{background:#b3261e;color:#fff;border-color:#b3261e}nav.views{display:flex;gap:.8rem;padding:.6rem 1.2rem 0}nav.views a[aria-current]{font-weight:600;text-decoration:none}`;

function page(title: string, nonce: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${e(title)}</title><style nonce="${e(nonce)}">${STYLE}</style></head><body>${body}</body></html>`;
}

const options = (values: readonly string[], selected: string | undefined, all: string) =>
  `<option value="">${e(all)}</option>` + values.map((v) => `<option${v === selected ? ' selected' : ''}>${e(v)}</option>`).join('');

const when = (iso: string) => `<time datetime="${e(iso)}">${e(iso.replace('T', ' ').slice(0, 16))} UTC</time>`;

function thread(item: InboxItem): string {
  const replies = item.replies ?? [];
  if (!replies.length) return '';
  const entries = replies.map((r) => {
    const kind = r.author === 'you' ? 'you' : r.internal ? 'team note' : 'team';
    const label = r.author === 'you' ? 'Writer' : r.internal ? 'Note (team only)' : 'Team reply';
    return `<li class="${kind}"><div class="meta"><strong>${label}</strong>${when(r.createdAt)}</div><p>${e(r.body)}</p></li>`;
  });
  return `<ol class="thread" aria-label="Replies">${entries.join('')}</ol>`;
}

/** Who did what to one item, newest first, with a link to the full trail as JSON. */
function auditList(id: string, audit: readonly AuditEntry[]): string {
  const link = `<a href="/inbox/${e(encodeURIComponent(id))}/audit.json">JSON</a>`;
  if (!audit.length) return `<p class="trail">Audit trail: nothing yet (${link})</p>`;
  const entries = audit.map((a) => `<li>${e(a.action)}${a.detail ? ` (${e(a.detail)})` : ''} by ${e(a.by)}, ${when(a.at)}</li>`).join('');
  return `<details class="audit trail"><summary>Audit trail (${audit.length})</summary><ul>${entries}</ul><p>${link}</p></details>`;
}

function card(item: InboxItem, back: string, audit: readonly AuditEntry[]): string {
  const { feedback: f, status, identity, spam } = item;
  const who = f.anonymous ? 'anonymous' : [f.user?.name ?? f.user?.id, f.user?.department].filter(Boolean).join(' · ');
  const rating = f.rating ? `${f.rating.scale} ${f.rating.value}` : '';
  const buttons = FEEDBACK_STATUSES.filter((s) => s !== status)
    .map((s) => `<button name="status" value="${s}">Mark ${s}</button>`)
    .join('');
  const undelivered = item.undelivered.map((p) => `<p class="error">${e(p.kind)} ${p.state === 'failed' ? 'failed' : 'not sent yet'} after ${p.attempts} attempt${p.attempts === 1 ? '' : 's'}: ${e(p.error)}</p>`).join('');
  const replyForm = `<form class="reply" method="post" action="/inbox/${e(encodeURIComponent(f.id))}/replies"><input type="hidden" name="back" value="${e(back)}">
<label>Reply to ${e(f.id.slice(0, 8))}<textarea name="body" required maxlength="5000"></textarea></label>
<label class="check"><input type="checkbox" name="internal">Note for the team only</label><button class="primary">Send</button></form>`;
  return `<article class="${e(status)}" data-id="${e(f.id)}">
<div class="meta"><span class="badge">${e(f.category)}</span>${f.urgency ? `<span class="badge ${e(f.urgency)}">${e(f.urgency)}</span>` : ''}${rating ? `<span class="badge">${e(rating)}</span>` : ''}${spam ? '<span class="badge high">spam</span>' : ''}${item.overdue ? '<span class="badge overdue">overdue</span>' : ''}${item.team ? `<span class="badge">team ${e(item.team)}</span>` : ''}<span>${e(status)}</span>${when(f.createdAt)}</div>
${f.message ? `<p class="message" dir="auto">${e(f.message)}</p>` : ''}
<div class="meta">${who ? `<span>${e(who)}${identity ? ` (${e(identity)})` : ''}</span>` : ''}${f.contact?.mayContact && f.contact.email ? `<a href="mailto:${e(f.contact.email)}">${e(f.contact.email)}</a>` : ''}${f.site ? `<span>site ${e(f.site)}</span>` : ''}${f.context?.url ? `<span>${e(f.context.url)}</span>` : ''}</div>
${thread(item)}${item.history?.length ? `<p class="meta">History: ${item.history.map((h) => `${e(h.status)} ${when(h.at)} (${e(h.by)})`).join(' → ')}</p>` : ''}${item.personalErasedAt ? `<p class="meta">Personal data erased ${when(item.personalErasedAt)}</p>` : ''}${undelivered}
<form class="actions" method="post" action="/inbox/status"><input type="hidden" name="id" value="${e(f.id)}"><input type="hidden" name="back" value="${e(back)}">${buttons}</form>
${spam ? '' : replyForm}
<details class="delete"><summary>Delete…</summary><form method="post" action="/inbox/${e(encodeURIComponent(f.id))}/delete"><p>This removes the feedback, its replies and notes, and anything still to be sent for it, for good.</p><button class="danger">Delete for good</button></form></details>
${auditList(f.id, audit)}
</article>`;
}

/** What the page shows besides the items. */
export interface InboxView {
  /** Signed in through the page: offer "Log out". */
  canLogOut?: boolean;
  /** The "Overdue" view. */
  overdueOnly?: boolean;
  retention?: { deleteAfter: string | null; erasePersonalAfter: string | null };
  /** Audit entries of the items shown, listed under each. */
  audit?: readonly AuditEntry[];
  /** With the email filter: how many items hold that address in all (the other filters aside). */
  personItems?: number;
}

/** How long feedback is kept, in words. */
function retentionText({ deleteAfter, erasePersonalAfter }: { deleteAfter: string | null; erasePersonalAfter: string | null }): string {
  const kept = deleteAfter ? `Feedback is deleted ${e(deleteAfter)} after it was received` : 'Feedback is kept until it is deleted';
  const personal = erasePersonalAfter ? `; names, emails, browser strings and URL queries are erased after ${e(erasePersonalAfter)}` : '';
  return `<p class="meta retention" id="retention">${kept}${personal}. <a href="/inbox/audit.json">Audit trail (JSON)</a></p>`;
}

/** Everything held about one person (the email filter), with a confirmed form that deletes exactly that. */
function personSelection(email: string, count: number): string {
  if (!count) return `<p class="meta">Nothing is held about ${e(email)}.</p>`;
  return `<details class="delete person"><summary>Delete all ${count} item${count === 1 ? '' : 's'} of ${e(email)}…</summary><form method="post" action="/inbox/delete-person"><input type="hidden" name="email" value="${e(email)}"><p>This removes every feedback whose contact or user email is ${e(email)}, also those the other filters hide and spam, with its replies and notes, for good.</p><button class="danger">Delete all for good</button></form></details>`;
}

/** The inbox: filters, export links, and external and internal feedback side by side, newest first; with `overdueOnly`, the "Overdue" view. */
export function renderInbox(records: InboxItem[], filter: InboxFilter, query: string, nonce: string, view: InboxView = {}): string {
  const { canLogOut = false, overdueOnly = false, retention = { deleteAfter: null, erasePersonalAfter: null }, audit = [], personItems = 0 } = view;
  const back = `/inbox${query ? `?${query}` : ''}`;
  const column = (audience: string, title: string) => {
    const items = records.filter((r) => r.feedback.audience === audience);
    return `<section aria-labelledby="h-${audience}"><h2 id="h-${audience}">${title} (${items.length})</h2>${items.map((r) => card(r, back, audit.filter((entry) => entry.feedbackId === r.feedback.id))).join('') || '<p class="empty">Nothing here.</p>'}</section>`;
  };
  const input = (name: keyof InboxFilter, label: string, type = 'text') =>
    `<label>${label}<input type="${type}" name="${name}" value="${e(filter[name] ?? '')}"></label>`;
  return page(
    'Hearken inbox',
    nonce,
    `<header><h1>Hearken inbox</h1><span>${records.length} shown</span><nav><a href="/inbox.csv${query ? `?${e(query)}` : ''}">Export CSV</a><a href="/inbox.json${query ? `?${e(query)}` : ''}">Export JSON</a>${canLogOut ? '<form method="post" action="/inbox/logout"><button>Log out</button></form>' : ''}</nav></header>
<form class="filters" method="get" action="/inbox">
<label>Audience<select name="audience">${options(AUDIENCES, filter.audience, 'all')}</select></label>
${input('category', 'Category')}
<label>Urgency<select name="urgency">${options(URGENCIES, filter.urgency, 'any')}</select></label>
${input('department', 'Department')}${input('site', 'Site')}
<label>Status<select name="status">${options(FEEDBACK_STATUSES, filter.status, 'any')}</select></label>
${input('from', 'From', 'date')}${input('to', 'To', 'date')}${input('email', 'Email (what is held about one person)', 'email')}
${overdueOnly ? '<input type="hidden" name="overdue" value="true">' : ''}<button class="primary">Filter</button><a href="/inbox">Clear</a></form>
${retentionText(retention)}${filter.email ? personSelection(filter.email, personItems) : ''}
<nav class="views" aria-label="Views"><a href="/inbox"${overdueOnly ? '' : ' aria-current="page"'}>All</a><a href="/inbox?overdue=true"${overdueOnly ? ' aria-current="page"' : ''}>Overdue</a><a href="/inbox/stats.json">Answer times (JSON)</a></nav>
<main>${column('external', 'External customers')}${column('internal', 'Internal customers')}</main>`,
  );
}

export function renderLogin(nonce: string, failed: boolean): string {
  return page(
    'Hearken inbox: log in',
    nonce,
    `<form class="login" method="post" action="/inbox/login"><h1>Hearken inbox</h1>
${failed ? '<p class="error" role="alert">That token is not right.</p>' : ''}
<label>Admin token<input type="password" name="token" autocomplete="current-password" required autofocus></label>
<button class="primary">Log in</button></form>`,
  );
}
