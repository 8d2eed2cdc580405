// How an answer to `POST {endpoint}` is read: part of the wire contract, so servers that forward
// feedback onwards (the collector's webhooks) classify answers by the same rule as the client.

/** 2xx: accepted. Anything else is not success. */
export const isAccepted = (status: number) => status >= 200 && status < 300;

/** Network failures, timeouts, 408, 425, 429 and 5xx may succeed later; other statuses are permanent. */
export const isRetryableStatus = (status: number) => status === 408 || status === 425 || status === 429 || status >= 500;
