// A stand-in Atlas server on 127.0.0.1 that answers every operation of a spec with the status and
// example the spec documents, and checks credentials like the real server (401 auth_error without
// them, except on the public health check). Used to run the Postman collection with newman.
import http from 'node:http';
import fs from 'node:fs';

/** Compiles the spec's operations to [method, regex, status, contentType, body]. */
function routes(spec) {
  const out = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    const regex = new RegExp('^' + path.replace(/\{[^}]+\}/g, '[^/]+') + '$');
    for (const [method, op] of Object.entries(item)) {
      if (!op || typeof op !== 'object' || !op.responses) continue;
      const status = Object.keys(op.responses).find((s) => s.startsWith('2'));
      const content = op.responses[status].content || {};
      let type = null;
      let body = '';
      if (content['application/json']) {
        type = 'application/json';
        body = JSON.stringify(content['application/json'].example);
      } else if (content['text/event-stream']) {
        type = 'text/event-stream';
        body = content['text/event-stream'].example;
      }
      const isPublic = Array.isArray(op.security) && op.security.length === 0;
      out.push({ method: method.toUpperCase(), regex, status: Number(status), type, body, isPublic });
    }
  }
  return out;
}

/**
 * Starts the server.
 * @param {string} specPath the spec whose examples are served (the truth the collection is run against)
 * @param {string} apiKey the key callers must send as Bearer or X-API-Key
 * @returns {Promise<{url: string, close: () => Promise<void>, requests: () => number}>}
 */
export function startStub(specPath, apiKey) {
  const table = routes(JSON.parse(fs.readFileSync(specPath, 'utf8')));
  let count = 0;
  const server = http.createServer((req, res) => {
    count++;
    const path = new URL(req.url, 'http://127.0.0.1').pathname;
    const route = table.find((r) => r.method === req.method && r.regex.test(path));
    req.resume();
    if (!route) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'not_found', message: `No route ${req.method} ${path}` }));
      return;
    }
    const auth = req.headers['authorization'];
    const key = req.headers['x-api-key'];
    if (!route.isPublic && auth !== `Bearer ${apiKey}` && key !== apiKey) {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'auth_error', message: 'API key required', requestId: 'stub' }));
      return;
    }
    res.writeHead(route.status, route.type ? { 'content-type': route.type } : {});
    res.end(route.status === 204 ? undefined : route.body);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}`,
        requests: () => count,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
