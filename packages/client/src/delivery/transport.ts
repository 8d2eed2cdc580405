/** Whether cookies go with a request: the values of `fetch`'s `credentials` (spelled out, so Node-only projects without DOM types can use them). */
export type Credentials = 'omit' | 'same-origin' | 'include';

/** One delivery attempt as the transport sees it. */
export interface TransportRequest {
  url: string;
  /** The JSON body. */
  body: string;
  headers: Record<string, string>;
  credentials: Credentials;
  /** Set on `pagehide`, so the request may outlive the page (bodies under 64 KiB only). */
  keepalive: boolean;
  signal: AbortSignal;
}

/** What a transport reports back; a network failure is a thrown error instead. */
export interface TransportResponse {
  status: number;
  /** The `Retry-After` header, if any. */
  retryAfter: string | null;
  /** The response body as text. */
  body: string;
}

/**
 * Sends one request. Replace it to deliver through something other than `fetch`
 * (a native bridge, a test double). It must throw on network failure and resolve for any status.
 */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

/** The default transport: `fetch` with a JSON body. */
export const fetchTransport: Transport = async ({ url, body, headers, credentials, keepalive, signal }) => {
  const response = await fetch(url, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
    credentials,
    keepalive,
    signal,
    mode: 'cors',
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.text() };
};
