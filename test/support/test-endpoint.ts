// Browser-side helpers for the endpoint served by test-endpoint-middleware.mjs.
import type { Feedback } from '@hearken/client';

export interface LoggedRequest {
  status: number;
  feedback: Feedback;
}

let counter = 0;

/** A fresh endpoint URL on the test server, with optional scripted replies. */
export async function testEndpoint(...replies: { status: number; headers?: Record<string, string>; body?: string; delay?: number }[]) {
  const key = `t${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const url = `/test-endpoint/${key}`;
  if (replies.length) await fetch(`${url}/script`, { method: 'PUT', body: JSON.stringify(replies) });
  return {
    url: new URL(url, location.href).href,
    log: async (): Promise<LoggedRequest[]> => (await fetch(`${url}/log`)).json(),
    /** Ids the endpoint accepted (2xx), in order, repeats included. */
    accepted: async () => ((await (await fetch(`${url}/log`)).json()) as LoggedRequest[]).filter((r) => r.status < 300).map((r) => r.feedback.id),
  };
}

/** Waits until `check` returns a truthy value (or throws after `timeout`). */
export async function waitFor<T>(check: () => T | Promise<T>, timeout = 5000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`waitFor timed out: ${check}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
