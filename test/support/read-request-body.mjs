/** The whole body of a Node request, as text (for the browser-test server's middleware). */
export const readRequestBody = (req) =>
  new Promise((resolve) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => resolve(body));
  });
