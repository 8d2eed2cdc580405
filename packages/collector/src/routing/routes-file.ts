import { readFileSync } from 'node:fs';
import { AUDIENCES, URGENCIES } from '@hearken/client/schema';
import { parseAnswerTargets, type AnswerTargets } from '../follow-up/answer-targets.js';
import type { NewOutgoingMessage, StoredFeedback } from '../storage/feedback-storage.js';
import { summarizeFeedback } from '../webhook-forwarder.js';

/** Whether a webhook target is an http(s) URL with a host (the routes file's and `--webhook`'s check). */
export const isWebhookUrl = (value: string): boolean => /^https?:\/\/[^\s/]+/.test(value);

/** A team that feedback is routed to. */
export interface Team {
  name: string;
  /** Incoming-webhook URL told of each new feedback routed here (see `notify`). */
  webhook?: string;
  /** Address mailed for each new feedback routed here (see `notify`); needs `--smtp`. */
  email?: string;
  /** Which new feedback the team is told of at once: `high` urgency only, or `all`. @default 'high' */
  notify: 'high' | 'all';
  /** Answer targets: the routes file's `sla` (e.g. `high=15m`) over the collector's. */
  answerTargets: AnswerTargets;
}

/** One rule: feedback matching every given field goes to `team`. A field lists one value or several. */
export interface Route {
  match: Partial<Record<MatchField, string[]>>;
  team: string;
}

const MATCH_FIELDS = ['audience', 'category', 'site', 'urgency', 'department'] as const;
type MatchField = (typeof MATCH_FIELDS)[number];

/** A routes file, read and checked: the first route that matches a feedback names its team. */
export interface Routing {
  teams: Map<string, Team>;
  routes: Route[];
  /** The team of `record`, if a route takes it. */
  teamOf(record: StoredFeedback): Team | undefined;
  /** The notifications to queue with a new feedback: its team's webhook and mail, by `notify`. */
  outgoing(record: StoredFeedback): NewOutgoingMessage[];
  /** Whether any team is told by mail (then `--smtp` is needed). */
  readonly mails: boolean;
}

const fieldOf = (record: StoredFeedback, field: MatchField): string | undefined =>
  field === 'department' ? record.feedback.user?.department : (record.feedback[field] as string | undefined);

/** The 1-based line of character `position` in `text`. */
const lineAt = (text: string, position: number) => text.slice(0, position).split('\n').length;

/**
 * Reads and checks a routes file (JSON):
 * ```json
 * { "teams": { "facilities": { "webhook": "https://hooks.example/T0/B0/x", "email": "facilities@example.com", "sla": "high=15m" } },
 *   "routes": [{ "match": { "audience": "internal", "category": ["equipment"] }, "team": "facilities" }] }
 * ```
 * Throws an error that names the file, the line (for JSON syntax) or the entry (e.g. `routes[1].match.urgency`), and what to fix.
 */
export function readRoutes(path: string, answerTargets: AnswerTargets): Routing {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`${path}: cannot read the routes file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message)?.[1];
    throw new Error(`${path}${position ? ` line ${lineAt(text, Number(position))}` : ''}: not valid JSON (${message})`);
  }
  return parseRoutes(value, answerTargets, path);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks routes already parsed from JSON; see {@link readRoutes}. `source` names them in errors. */
export function parseRoutes(value: unknown, answerTargets: AnswerTargets, source = 'routes'): Routing {
  const fail = (where: string, what: string): never => {
    throw new Error(`${source}: ${where}: ${what}`);
  };
  if (!isObject(value)) fail('the file', 'expected an object with "teams" and "routes"');
  const root = value as Record<string, unknown>;
  for (const key of Object.keys(root)) if (key !== 'teams' && key !== 'routes') fail(key, 'unknown; the file has "teams" and "routes"');
  if (!isObject(root.teams)) fail('teams', 'expected an object of teams by name, e.g. { "facilities": { "email": "facilities@example.com" } }');
  const teams = new Map<string, Team>();
  for (const [name, entry] of Object.entries(root.teams as Record<string, unknown>)) {
    const where = `teams.${name}`;
    if (!isObject(entry)) fail(where, 'expected an object');
    const team = entry as Record<string, unknown>;
    for (const key of Object.keys(team)) if (!['webhook', 'email', 'sla', 'notify'].includes(key)) fail(`${where}.${key}`, 'unknown; a team has webhook, email, sla and notify');
    if (team.webhook !== undefined && (typeof team.webhook !== 'string' || !isWebhookUrl(team.webhook))) fail(`${where}.webhook`, 'expected an http(s) URL');
    if (team.email !== undefined && (typeof team.email !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(team.email))) fail(`${where}.email`, 'expected an email address');
    if (team.notify !== undefined && team.notify !== 'high' && team.notify !== 'all') fail(`${where}.notify`, 'expected "high" (urgent reports only) or "all"');
    let targets = answerTargets;
    if (team.sla !== undefined) {
      if (typeof team.sla !== 'string') fail(`${where}.sla`, 'expected a string such as "high=15m,normal=1d"');
      try {
        targets = parseAnswerTargets(team.sla as string, answerTargets);
      } catch (error) {
        fail(`${where}.sla`, (error as Error).message);
      }
    }
    teams.set(name, { name, ...(team.webhook ? { webhook: team.webhook as string } : {}), ...(team.email ? { email: team.email as string } : {}), notify: (team.notify as Team['notify']) ?? 'high', answerTargets: targets });
  }
  if (!Array.isArray(root.routes)) fail('routes', 'expected a list of { "match": {…}, "team": "…" }');
  const routes = (root.routes as unknown[]).map((entry, index): Route => {
    const where = `routes[${index}]`;
    if (!isObject(entry)) fail(where, 'expected an object with "match" and "team"');
    const { match = {}, team, ...rest } = entry as Record<string, unknown>;
    for (const key of Object.keys(rest)) fail(`${where}.${key}`, 'unknown; a route has match and team');
    if (typeof team !== 'string' || !teams.has(team)) fail(`${where}.team`, `expected the name of a team in "teams" (${[...teams.keys()].join(', ') || 'none defined'}), not ${JSON.stringify(team)}`);
    if (!isObject(match)) fail(`${where}.match`, 'expected an object such as { "audience": "internal" }');
    const checked: Route['match'] = {};
    for (const [field, wanted] of Object.entries(match as Record<string, unknown>)) {
      if (!(MATCH_FIELDS as readonly string[]).includes(field)) fail(`${where}.match.${field}`, `unknown; match by ${MATCH_FIELDS.join(', ')}`);
      const values = Array.isArray(wanted) ? wanted : [wanted];
      if (!values.length || values.some((v) => typeof v !== 'string' || !v)) fail(`${where}.match.${field}`, 'expected a value or a list of values');
      const allowed = field === 'audience' ? AUDIENCES : field === 'urgency' ? URGENCIES : undefined;
      for (const v of values as string[]) if (allowed && !(allowed as readonly string[]).includes(v)) fail(`${where}.match.${field}`, `"${v}" is not one of ${allowed.join(', ')}`);
      checked[field as MatchField] = values as string[];
    }
    return { match: checked, team: team as string };
  });

  const teamOf = (record: StoredFeedback) => {
    const route = routes.find((r) => Object.entries(r.match).every(([field, values]) => values.includes(fieldOf(record, field as MatchField) ?? (field === 'urgency' ? 'normal' : ''))));
    return route && teams.get(route.team);
  };
  return {
    teams,
    routes,
    teamOf,
    mails: [...teams.values()].some((t) => t.email),
    outgoing(record) {
      const team = teamOf(record);
      if (!team || (team.notify === 'high' && record.feedback.urgency !== 'high')) return [];
      const text = summarizeFeedback(record);
      const messages: NewOutgoingMessage[] = [];
      if (team.webhook) messages.push({ kind: 'webhook', target: team.webhook, payload: JSON.stringify({ text: `[${team.name}] ${text}` }) });
      if (team.email) {
        const subject = `[${record.feedback.urgency ?? 'normal'}] ${record.feedback.category} for ${team.name}`;
        messages.push({ kind: 'mail', target: `team/${team.name}`, payload: JSON.stringify({ to: team.email, subject, text: `${text}\n` }) });
      }
      return messages;
    },
  };
}
