// Sentry's feedback as a site would add it for the same job: the browser client with the feedback
// integration (its launcher and form ship up front), one bundle, built by `npm run bench` with esbuild.
import { BrowserClient, defaultStackParser, feedbackIntegration, getCurrentScope, makeFetchTransport } from '@sentry/browser';

const client = new BrowserClient({
  dsn: 'http://public@127.0.0.1:9/1',
  transport: makeFetchTransport,
  stackParser: defaultStackParser,
  integrations: [feedbackIntegration({ colorScheme: 'light', autoInject: true })],
});
getCurrentScope().setClient(client);
client.init();
