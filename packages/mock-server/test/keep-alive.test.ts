import { Agent, request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../src/index';

// A pooling client as real afnemers use (Node's agent, one socket): a request refused before its
// body was read must not leave the connection stuck for the next request.
let server: MockServer;
let agent: Agent;
beforeAll(async () => {
  server = await startMockServer({ port: 0, seed: 2 });
  agent = new Agent({ keepAlive: true, maxSockets: 1 });
});
afterAll(async () => {
  agent.destroy();
  await server.close();
});

interface Answer {
  status: number;
  connection: string | undefined;
  body: string;
}

function send(method: string, path: string, body?: string | string[], headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const chunked = Array.isArray(body);
    const request = httpRequest(`${server.url}${path}`, {
      method,
      agent,
      headers: { 'content-type': 'application/json', ...(body !== undefined && !chunked ? { 'content-length': Buffer.byteLength(body) } : {}), ...headers },
    });
    // Bounded: a hung connection fails the test instead of waiting for vitest's timeout.
    request.setTimeout(3_000, () => request.destroy(new Error(`${method} ${path}: no answer within 3 s`)));
    request.on('error', reject);
    request.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, connection: response.headers.connection, body: text }));
    });
    if (chunked) for (const chunk of body) request.write(chunk);
    else if (body !== undefined) request.write(body);
    request.end();
  });
}

const big = JSON.stringify({ school: { orgMasterId: '163G332' }, padding: 'x'.repeat(300_000) });

const earlyRefusals: [string, () => Promise<Answer>, number][] = [
  ['401: no token on a POST search', () => send('POST', '/students-api/v1/students', big), 401],
  ['401: no token, chunked body', () => send('POST', '/students-api/v1/students', [big.slice(0, 1000), big.slice(1000)]), 401],
  ['405: a method the path does not take', () => send('PUT', '/students-api/v1/students/school', big), 405],
  ['405: an endpoint another role provides', () => send('POST', '/notifications-api/v0/notifications', big), 405],
  ['404: no endpoint', () => send('POST', '/students-api/v1/nothing', big), 404],
  ['404: no API', () => send('POST', '/nowhere', big), 404],
  ['400: token request that is not a form', () => send('POST', '/oauth2/token', big), 400],
  ['413: declared body over the limit', () => send('POST', '/students-api/v1/students', 'x'.repeat(1_100_000)), 413],
  ['413: chunked body over the limit, read by a route', () => send('POST', '/_admin/reset', ['x'.repeat(600_000), 'x'.repeat(600_000)]), 413],
];

describe('keep-alive after every early refusal', () => {
  it.each(earlyRefusals)('%s, then the next request on the pooled connection is answered', async (_name, refuse, status) => {
    const refused = await refuse();
    expect(refused.status).toBe(status);
    // A StatusResponse, or at the token endpoint the OAuth error body.
    const body = JSON.parse(refused.body) as Record<string, unknown>;
    expect(typeof (body.statusMessage ?? body.error_description)).toBe('string');
    const next = await send('GET', '/');
    expect(next.status).toBe(200);
  });

  it('says Connection: close exactly when the body could not be drained', async () => {
    expect((await send('POST', '/students-api/v1/students', 'x'.repeat(1_100_000))).connection).toBe('close');
    expect((await send('POST', '/students-api/v1/students', big)).connection).not.toBe('close');
  });

  it('431 as a StatusResponse for headers over the limit, then the pool reconnects', async () => {
    const refused = await send('GET', '/', undefined, { 'x-big': 'a'.repeat(20_000) });
    expect(refused.status).toBe(431);
    expect(refused.connection).toBe('close');
    expect(JSON.parse(refused.body)).toEqual({ status: 99, statusMessage: 'the request headers are too large' });
    expect((await send('GET', '/')).status).toBe(200);
  });

  it('a sequence of 200 malformed requests over keep-alive: every one answered, none 5xx', async () => {
    const statuses: number[] = [];
    for (let index = 0; index < 200; index += 1) {
      const [, refuse] = earlyRefusals[index % earlyRefusals.length]!;
      statuses.push((await refuse()).status);
      statuses.push((await send('GET', `/students-api/v1/students/school?orgMasterId=${index}`)).status);
    }
    expect(statuses).toHaveLength(400);
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
  }, 60_000);
});
