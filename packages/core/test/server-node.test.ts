import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BronError, statusAnswer } from '../src/server';
import { serveNode, type NodeServer } from '../src/server/node';
import { exchange, get, post } from './support/raw-http';

const LIMIT = 10_000;
let server: NodeServer;

beforeAll(async () => {
  server = await serveNode(
    async (request) => {
      const path = new URL(request.url).pathname;
      if (path === '/early') return statusAnswer('1.0.0', 401, 99, 'refused before the body was read');
      if (path === '/echo') return statusAnswer('1.0.0', 200, 0, await request.text());
      if (path === '/throws') throw new Error('a bug');
      if (path === '/refuses') throw new BronError(409, 11, 'a refusal thrown by the answerer');
      if (path === '/fetch') return Response.json({ body: await (await request.toFetchRequest()).text() });
      return undefined;
    },
    { apiVersion: '1.0.0', port: 0, bodyLimit: LIMIT, headersTimeoutMs: 1_000, requestTimeoutMs: 2_000, onError: () => undefined },
  );
});
afterAll(() => server.close());

const statusBody = (body: string) => JSON.parse(body) as { status: number; statusMessage: string };

describe('serveNode: keep-alive after early refusals', () => {
  it('drains an unread body within the limit, so the next request on the connection is answered', async () => {
    const body = 'x'.repeat(LIMIT - 1);
    const result = await exchange(server.port, [post('/early', body), get('/echo')], 2);
    expect(result.timedOut).toBe(false);
    expect(result.responses.map((response) => response.status)).toEqual([401, 200]);
    expect(result.responses[0]!.headers.connection).not.toBe('close');
  });

  it('closes the connection (Connection: close) when the declared body is over the limit: 413', async () => {
    const body = 'x'.repeat(LIMIT + 1);
    const result = await exchange(server.port, [post('/early', body), get('/echo')], 2);
    expect(result.timedOut).toBe(false);
    expect(result.responses).toHaveLength(1);
    expect(result.responses[0]!.status).toBe(413);
    expect(result.responses[0]!.headers.connection).toBe('close');
    expect(statusBody(result.responses[0]!.body).statusMessage).toContain(`${LIMIT} bytes`);
    expect(result.closed).toBe(true);
  });

  it('closes the connection when a chunked body is refused unread', async () => {
    const head = 'POST /early HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n';
    const result = await exchange(server.port, [head, '5\r\nhello\r\n'], 1);
    expect(result.responses[0]!.status).toBe(401);
    expect(result.responses[0]!.headers.connection).toBe('close');
  });

  it('refuses a chunked body that grows over the limit while it is read with 413 and closes', async () => {
    const head = 'POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n';
    const chunk = `${(LIMIT / 2).toString(16)}\r\n${'y'.repeat(LIMIT / 2)}\r\n`;
    const result = await exchange(server.port, [head, chunk, chunk, chunk], 1);
    expect(result.responses[0]!.status).toBe(413);
    expect(result.responses[0]!.headers.connection).toBe('close');
  });

  it('keeps the connection after a body that was read, and serves a Fetch route with the body', async () => {
    const result = await exchange(server.port, [post('/echo', '{"a":1}'), post('/fetch', 'hello'), get('/nothing')], 3);
    expect(result.responses.map((response) => response.status)).toEqual([200, 200, 404]);
    expect(statusBody(result.responses[0]!.body).statusMessage).toBe('{"a":1}');
    expect(JSON.parse(result.responses[1]!.body)).toEqual({ body: 'hello' });
  });

  it('answers 500 as a StatusResponse when the answerer throws, and keeps serving', async () => {
    const result = await exchange(server.port, [get('/throws'), get('/echo')], 2);
    expect(result.responses.map((response) => response.status)).toEqual([500, 200]);
    expect(statusBody(result.responses[0]!.body).status).toBe(99);
  });

  it('answers a BronError the answerer throws as its StatusResponse', async () => {
    const result = await exchange(server.port, [get('/refuses')], 1);
    expect(result.responses[0]!.status).toBe(409);
    expect(statusBody(result.responses[0]!.body)).toEqual({ status: 11, statusMessage: 'a refusal thrown by the answerer' });
  });
});

describe('serveNode: parser-level errors are StatusResponses', () => {
  const expectStatusResponse = (result: Awaited<ReturnType<typeof exchange>>, status: number) => {
    expect(result.timedOut).toBe(false);
    expect(result.responses[0]?.status).toBe(status);
    expect(result.responses[0]!.headers['content-type']).toMatch(/^application\/json/);
    expect(result.responses[0]!.headers['api-version']).toBe('1.0.0');
    expect(statusBody(result.responses[0]!.body)).toMatchObject({ status: 99, statusMessage: expect.any(String) });
  };

  it('431 for headers over Node\'s limit', async () => {
    const result = await exchange(server.port, [get('/echo', `X-Big: ${'a'.repeat(20_000)}\r\n`)], 1);
    expectStatusResponse(result, 431);
    expect(result.responses[0]!.headers.connection).toBe('close');
  });

  it('414 for a URL over the limit, whether the handler or the parser sees it', async () => {
    expectStatusResponse(await exchange(server.port, [get(`/echo?q=${'a'.repeat(9_000)}`)], 1), 414);
    expectStatusResponse(await exchange(server.port, [get(`/echo?q=${'a'.repeat(20_000)}`)], 1), 414);
  });

  it('400 for a bad request line or a bad header', async () => {
    expectStatusResponse(await exchange(server.port, ['NOT A REQUEST\r\n\r\n'], 1), 400);
    expectStatusResponse(await exchange(server.port, ['GET /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\n\r\n'], 1), 400);
  });

  it('408 for a client that does not finish its headers in time', async () => {
    const result = await exchange(server.port, ['GET /echo HTTP/1.1\r\nHost: 127.0.0.1\r\n'], 1, 5_000);
    expectStatusResponse(result, 408);
  });
});
