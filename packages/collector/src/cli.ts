import { parseArgs } from 'node:util';
import { describeDatabaseUrl } from './storage/database-url.js';
import { openStorage } from './storage/open-storage.js';
import { startServer } from './server.js';
import { createWebhookForwarder } from './webhook-forwarder.js';
import { DEFAULT_ANSWER_TARGETS, parseAnswerTargets } from './follow-up/answer-targets.js';
import { createMailSender } from './mail-sender.js';
import { isWebhookUrl, readRoutes } from './routing/routes-file.js';
import type { NewOutgoingMessage, StoredFeedback } from './storage/feedback-storage.js';
import { describeRetention, parseRetention, startRetention, type Retention } from './privacy/retention.js';
import { ADMIN_LABEL, labelledTokens, TOKEN_LABEL } from './inbox/admin-auth.js';

const HELP = `hearken-collector: receives Hearken feedback, stores it in SQLite or PostgreSQL, shows an inbox.

Usage: hearken-collector [options]        every option also reads an environment variable

  --port N               port to listen on                     HEARKEN_PORT          (8787)
  --host ADDRESS         address to listen on                  HEARKEN_HOST          (127.0.0.1)
  --db PATH|URL          SQLite file, or postgres://…          HEARKEN_DB            (./data/feedback.db)
                         (instances may share one PostgreSQL)
  --allow-origin ORIGIN  page origin that may post; repeat,    HEARKEN_ALLOW_ORIGIN  (none: same origin only)
                         or comma-separate; * for any
  --admin-token SECRET   token that reads the inbox            HEARKEN_ADMIN_TOKEN   (none: loopback only)
  --team-token NAME:TOK  a team member's own inbox token; the  HEARKEN_TEAM_TOKENS   (none)
                         audit trail names them; repeat, or
                         comma-separate
  --retention TIME       delete feedback received longer ago   HEARKEN_RETENTION     (none: keep)
                         (s/m/h/d, e.g. 365d); at start and
                         every hour
  --retention-personal T erase user, contact, browser string   HEARKEN_RETENTION_PERSONAL (none: keep)
                         and URL queries after T (e.g. 30d)
  --rate-limit N         posts per minute per address, 0 off   HEARKEN_RATE_LIMIT    (60)
                         (counted in memory, per instance)
  --trust-proxy N        reverse proxies in front to trust;    HEARKEN_TRUST_PROXY   (0: none)
                         the client is the Nth address from
                         the right of X-Forwarded-For
  --public-url URL       the address people use; the inbox     HEARKEN_PUBLIC_URL    (none: loopback
                         refuses other Host names                                    names only)
  --spam store|drop      what to do with bot submissions       HEARKEN_SPAM          (store)
  --identity-secret S    verifies signed intranet identities   HEARKEN_IDENTITY_SECRET
  --webhook URL          forwards urgent internal reports      HEARKEN_WEBHOOK_URL
  --webhook-lease S      seconds a claimed forward (or mail)   HEARKEN_WEBHOOK_LEASE (60)
                         is reserved for one instance; then
                         another sends it
  --sla LEVEL=TIME,…     answer targets per urgency; s/m/h/d;  HEARKEN_SLA           (high=1h,normal=2d,
                         past them, unanswered items are                             low=5d)
                         overdue; levels left out keep theirs
  --routes FILE          routes.json: feedback to teams, with  HEARKEN_ROUTES        (none)
                         their webhook, email and targets
  --smtp URL             mails team replies (and team alerts): HEARKEN_SMTP_URL      (none: no mail)
                         smtp://user:pass@host:587, smtps://…
  --mail-from ADDRESS    sender of those mails                 HEARKEN_MAIL_FROM
  --mail-reply-to ADDR   where answers by mail go              HEARKEN_MAIL_REPLY_TO (the sender)
  --help                 this text

Intake: POST /feedback    Threads: /feedback/{id}/thread    Health: GET /health
Inbox: GET /inbox, /inbox.json, /inbox.csv, /inbox/stats.json, /inbox/audit.json; POST /inbox/{id}/replies;
       DELETE /inbox/{id}, DELETE /inbox?email=ADDRESS`;

/** Reads flags, then environment variables; throws a readable error for bad values. */
export function readConfig(argv: string[], env: NodeJS.ProcessEnv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      db: { type: 'string' },
      'allow-origin': { type: 'string', multiple: true },
      'admin-token': { type: 'string' },
      'team-token': { type: 'string', multiple: true },
      retention: { type: 'string' },
      'retention-personal': { type: 'string' },
      'rate-limit': { type: 'string' },
      'trust-proxy': { type: 'string' },
      'public-url': { type: 'string' },
      spam: { type: 'string' },
      'identity-secret': { type: 'string' },
      webhook: { type: 'string' },
      'webhook-lease': { type: 'string' },
      sla: { type: 'string' },
      routes: { type: 'string' },
      smtp: { type: 'string' },
      'mail-from': { type: 'string' },
      'mail-reply-to': { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  const number = (name: string, value: string | undefined, fallback: number) => {
    if (value === undefined || value === '') return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} takes a whole number, not "${value}"`);
    return n;
  };
  const spam = values.spam ?? env.HEARKEN_SPAM ?? 'store';
  if (spam !== 'store' && spam !== 'drop') throw new Error(`--spam takes store or drop, not "${spam}"`);
  const origins = (values['allow-origin'] ?? [env.HEARKEN_ALLOW_ORIGIN ?? '']).flatMap((o) => o.split(',')).map((o) => o.trim()).filter(Boolean);
  for (const origin of origins) if (origin !== '*' && !/^https?:\/\/[^/]+$/.test(origin.replace(/\/$/, ''))) throw new Error(`--allow-origin takes an origin such as http://localhost:8080, not "${origin}"`);
  const publicUrl = values['public-url'] ?? env.HEARKEN_PUBLIC_URL ?? undefined;
  if (publicUrl !== undefined && !/^https?:\/\/[^/?#\s]+/.test(publicUrl)) throw new Error(`--public-url takes the address people use, such as https://feedback.example.com, not "${publicUrl}"`);
  const sla = values.sla ?? env.HEARKEN_SLA;
  let answerTargets = DEFAULT_ANSWER_TARGETS;
  try {
    if (sla) answerTargets = parseAnswerTargets(sla);
  } catch (error) {
    throw new Error(`--sla takes levels and times such as high=1h,normal=2d,low=5d: ${(error as Error).message}`);
  }
  const smtp = values.smtp ?? env.HEARKEN_SMTP_URL ?? undefined;
  if (smtp !== undefined && !/^smtps?:\/\/[^/?#\s]+/.test(smtp)) throw new Error(`--smtp takes a server such as smtp://mail.example.com:587 or smtps://user:password@mail.example.com, not "${smtp.replace(/\/\/[^@/]*@/, '//***@')}"`);
  const mailFrom = values['mail-from'] ?? env.HEARKEN_MAIL_FROM ?? undefined;
  const mailReplyTo = values['mail-reply-to'] ?? env.HEARKEN_MAIL_REPLY_TO ?? undefined;
  if (smtp && !mailFrom) throw new Error('--smtp needs --mail-from, the sender of the mails, e.g. --mail-from "Support <support@example.com>"');
  if (!smtp && (mailFrom || mailReplyTo)) throw new Error('--mail-from and --mail-reply-to need --smtp, the server that sends the mails');
  const teamTokens: Record<string, string> = {};
  for (const entry of (values['team-token'] ?? [env.HEARKEN_TEAM_TOKENS ?? '']).flatMap((t) => t.split(',')).map((t) => t.trim()).filter(Boolean)) {
    const colon = entry.indexOf(':');
    const label = entry.slice(0, colon);
    if (colon < 1 || !TOKEN_LABEL.test(label) || colon === entry.length - 1) throw new Error(`--team-token takes NAME:TOKEN, such as alice:${'x'.repeat(8)}…, with a name of letters, digits, ".", "_" or "-"; not "${colon < 1 ? '…' : `${entry.slice(0, colon)}:…`}"`);
    if (label === ADMIN_LABEL || label in teamTokens) throw new Error(`--team-token: the name "${label}" is given twice${label === ADMIN_LABEL ? ' (it is the --admin-token\'s)' : ''}`);
    teamTokens[label] = entry.slice(colon + 1);
  }
  // Empty (an unset variable in a compose file, say) is no token: the inbox is for loopback clients.
  const adminToken = values['admin-token'] || env.HEARKEN_ADMIN_TOKEN || undefined;
  // The inbox's own checks of the tokens (reserved names, one token per person), here, so that a mistake stops the start before anything opens.
  try {
    labelledTokens(adminToken, teamTokens);
  } catch (error) {
    throw new Error(`--team-token: ${(error as Error).message}`);
  }
  const retentionText = values.retention ?? env.HEARKEN_RETENTION ?? undefined;
  const personalText = values['retention-personal'] ?? env.HEARKEN_RETENTION_PERSONAL ?? undefined;
  const retention: Retention = {
    ...(retentionText ? { items: parseRetention('--retention', retentionText) } : {}),
    ...(personalText ? { personal: parseRetention('--retention-personal', personalText) } : {}),
  };
  const webhook = values.webhook ?? env.HEARKEN_WEBHOOK_URL ?? undefined;
  if (webhook !== undefined && !isWebhookUrl(webhook)) throw new Error(`--webhook takes the http(s) URL urgent internal reports are POSTed to, e.g. https://chat.example.com/hooks/T01; got "${webhook}"`);
  const routesFile = values.routes ?? env.HEARKEN_ROUTES ?? undefined;
  const routing = routesFile ? readRoutes(routesFile, answerTargets) : undefined;
  if (routing?.mails && !smtp) throw new Error(`${routesFile}: a team is told by email, but no --smtp is given to send it`);
  return {
    help: values.help ?? false,
    port: number('port', values.port ?? env.HEARKEN_PORT, 8787),
    host: values.host ?? env.HEARKEN_HOST ?? '127.0.0.1',
    db: values.db ?? env.HEARKEN_DB ?? './data/feedback.db',
    allowOrigins: origins,
    adminToken,
    teamTokens,
    retention,
    rateLimit: number('rate-limit', values['rate-limit'] ?? env.HEARKEN_RATE_LIMIT, 60),
    trustProxy: number('trust-proxy', values['trust-proxy'] ?? env.HEARKEN_TRUST_PROXY, 0),
    publicUrl: publicUrl || undefined,
    spam: spam as 'store' | 'drop',
    identitySecret: values['identity-secret'] ?? env.HEARKEN_IDENTITY_SECRET ?? undefined,
    webhook,
    webhookLease: number('webhook-lease', values['webhook-lease'] ?? env.HEARKEN_WEBHOOK_LEASE, 60),
    answerTargets,
    routing,
    smtp,
    mailFrom,
    mailReplyTo,
  };
}

export async function main(argv = process.argv.slice(2), env = process.env): Promise<void> {
  let config: ReturnType<typeof readConfig>;
  try {
    config = readConfig(argv, env);
  } catch (error) {
    console.error(`hearken-collector: ${(error as Error).message}\n\n${HELP}`);
    process.exitCode = 2;
    return;
  }
  if (config.help) return void console.log(HELP);
  let storage: Awaited<ReturnType<typeof openStorage>>;
  try {
    storage = await openStorage(config.db);
  } catch (error) {
    console.error(`hearken-collector: ${(error as Error).message}`);
    process.exitCode = 1;
    return;
  }
  // At start, before taking requests: nothing past its time is shown or sent once the collector listens.
  const retention = config.retention.items !== undefined || config.retention.personal !== undefined ? startRetention(storage, config.retention) : undefined;
  // A long backlog (retention switched on over years of feedback) goes on in the background after 10 s.
  let waited: ReturnType<typeof setTimeout> | undefined;
  const atStart = retention && (await Promise.race([retention.started, new Promise<'running'>((resolve) => (waited = setTimeout(resolve, 10_000, 'running')))]));
  clearTimeout(waited);
  if (retention) {
    const { deleteAfter, erasePersonalAfter } = describeRetention(config.retention);
    console.log(`Retention: ${deleteAfter ? `feedback deleted ${deleteAfter} after receipt` : 'feedback kept'}${erasePersonalAfter ? `, personal data erased after ${erasePersonalAfter}` : ''}; ${atStart === true ? 'applied' : atStart === 'running' ? 'being applied' : 'not applied yet (see above)'}, and again every hour.`);
  }
  const { routing } = config;
  const lease = Math.max(1, config.webhookLease) * 1000;
  const teamWebhooks = [...(routing?.teams.values() ?? [])].some((team) => team.webhook);
  const forwarder = config.webhook || teamWebhooks ? createWebhookForwarder({ url: config.webhook, storage, lease }) : undefined;
  const mail = config.smtp ? createMailSender({ smtp: config.smtp, from: config.mailFrom!, replyTo: config.mailReplyTo, storage, lease }) : undefined;
  const outgoing = (record: StoredFeedback): NewOutgoingMessage[] => [...(forwarder?.outgoing(record) ?? []), ...(routing?.outgoing(record) ?? [])];
  const server = await startServer({
    ...config,
    storage,
    outgoing,
    // Urgent reports reach their team at once, not at the next poll.
    onStored: () => {
      void forwarder?.deliverDue();
      void mail?.deliverDue();
    },
    replyOutgoing: mail?.outgoing,
    onReply: mail && (() => void mail.deliverDue()),
    routeOf: routing && ((record) => {
      const team = routing.teamOf(record);
      return team && { team: team.name, answerTargets: team.answerTargets };
    }),
  });
  forwarder?.start();
  mail?.start();
  console.log(`hearken-collector listening on ${server.url}  (intake ${server.url}/feedback, inbox ${server.url}/inbox, database ${describeDatabaseUrl(config.db)})`);
  if (!config.adminToken && !Object.keys(config.teamTokens).length) console.log('No --admin-token: the inbox answers loopback clients only, at localhost, 127.0.0.1 and [::1].');
  const stop = async (signal: string) => {
    console.log(`hearken-collector: ${signal}, finishing requests in flight…`);
    retention?.stop();
    await forwarder?.stop();
    await mail?.stop();
    await server.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}
