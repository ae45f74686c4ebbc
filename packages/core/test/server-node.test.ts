import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BronError, statusAnswer } from '../src/server';
import { createNodeHandler, serveNode, type NodeServer } from '../src/server/node';
import { exchange, get, post } from './support/raw-http';

const LIMIT = 10_000;
let server: NodeServer;
const reported: { error: unknown; context: { method: string; url: string } }[] = [];
const bodyErrors: string[] = [];

beforeAll(async () => {
  server = await serveNode(
    async (request) => {
      const path = new URL(request.url).pathname;
      if (path === '/early') return statusAnswer('1.0.0', 401, 99, 'refused before the body was read');
      if (path === '/echo') return statusAnswer('1.0.0', 200, 0, await request.text());
      if (path === '/throws') throw new Error('a bug');
      if (path === '/refuses') throw new BronError(409, 11, 'a refusal thrown by the answerer');
      if (path === '/fetch') return Response.json({ body: await (await request.toFetchRequest()).text() });
      if (path === '/reads-part') {
        void request.text().catch(() => undefined);
        return statusAnswer('1.0.0', 202, 0, request.bodyState);
      }
      if (path === '/awaits-body') {
        await request.text().catch((error: Error) => {
          bodyErrors.push(error.message);
          throw error;
        });
        return undefined;
      }
      if (path === '/no-body') return { status: 200, headers: { 'x-empty': 'yes' }, body: undefined };
      if (path === '/bad-status') return { status: 1_000, headers: {}, body: undefined };
      return undefined;
    },
    {
      apiVersion: '1.0.0',
      port: 0,
      bodyLimit: LIMIT,
      headersTimeoutMs: 1_000,
      requestTimeoutMs: 2_000,
      onError: (error, context) => reported.push({ error, context }),
    },
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

describe('serveNode: limits at their edges, exact answers', () => {
  const message = (response: { body: string } | undefined) => statusBody(response!.body).statusMessage;

  it('reads a body of exactly the limit, declared or chunked', async () => {
    const body = 'z'.repeat(LIMIT);
    const declared = await exchange(server.port, [post('/echo', body)], 1);
    expect(declared.responses[0]!.status).toBe(200);
    expect(message(declared.responses[0])).toBe(body);
    const head = 'POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n';
    const half = `${(LIMIT / 2).toString(16)}\r\n${'z'.repeat(LIMIT / 2)}\r\n`;
    const chunked = await exchange(server.port, [head, half, half, '0\r\n\r\n'], 1);
    expect(chunked.responses[0]!.status).toBe(200);
    expect(message(chunked.responses[0])).toBe(body);
  });

  it('drains an unread body of exactly the limit and keeps the connection', async () => {
    const result = await exchange(server.port, [post('/early', 'x'.repeat(LIMIT)), get('/echo')], 2);
    expect(result.responses.map((response) => response.status)).toEqual([401, 200]);
    expect(result.responses[0]!.headers.connection).not.toBe('close');
  });

  it('names the limit in the 413 for a declared body one byte over it', async () => {
    const result = await exchange(server.port, [post('/echo', 'x'.repeat(LIMIT + 1))], 1);
    expect(result.responses[0]!.status).toBe(413);
    expect(message(result.responses[0])).toBe(`request body is larger than ${LIMIT} bytes`);
  });

  it('does not trust a Content-Length past the safe integers: the early answer closes instead of draining', async () => {
    const head = 'POST /early HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 9007199254740993\r\n\r\nabc';
    const result = await exchange(server.port, [head], 1);
    expect(result.responses[0]!.status).toBe(401);
    expect(result.responses[0]!.headers.connection).toBe('close');
  });

  it('closes after an answer given while the body was still being read', async () => {
    const head = 'POST /reads-part HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n';
    const result = await exchange(server.port, [head, 'x'.repeat(10)], 1);
    expect(result.responses[0]!.status).toBe(202);
    expect(message(result.responses[0])).toBe('reading');
    expect(result.responses[0]!.headers.connection).toBe('close');
  });

  it('serves a URL of exactly the limit; one character more is a 414 naming it, and the connection carries on', async () => {
    const atLimit = `/echo?q=${'a'.repeat(8_192 - '/echo?q='.length)}`;
    expect(atLimit).toHaveLength(8_192);
    const served = await exchange(server.port, [get(atLimit)], 1);
    expect(served.responses[0]!.status).toBe(200);
    const refused = await exchange(server.port, [get(`${atLimit}a`), get('/echo')], 2);
    expect(refused.responses.map((response) => response.status)).toEqual([414, 200]);
    expect(message(refused.responses[0])).toBe('the request URL is longer than 8192 characters');
    expect(refused.responses[0]!.headers.connection).not.toBe('close');
  });

  it('answers 400 for a request target that is no URL, and drains its empty body', async () => {
    const result = await exchange(server.port, ['GET *@ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n', get('/echo')], 2);
    expect(result.responses.map((response) => response.status)).toEqual([400, 200]);
    expect(statusBody(result.responses[0]!.body)).toEqual({ status: 99, statusMessage: 'the request target is not a valid URL' });
    expect(result.responses[0]!.headers.connection).not.toBe('close');
  });

  it('answers 404 "no endpoint here" when the answerer has nothing', async () => {
    const result = await exchange(server.port, [get('/nothing')], 1);
    expect(result.responses[0]!.status).toBe(404);
    expect(statusBody(result.responses[0]!.body)).toEqual({ status: 99, statusMessage: 'no endpoint here' });
  });

  it('reports a bug with the method and URL, and answers 500 without its details', async () => {
    reported.length = 0;
    const result = await exchange(server.port, [get('/throws?x=1')], 1);
    expect(result.responses[0]!.status).toBe(500);
    expect(statusBody(result.responses[0]!.body)).toEqual({ status: 99, statusMessage: 'internal error in the server' });
    expect(reported).toHaveLength(1);
    expect((reported[0]!.error as Error).message).toBe('a bug');
    expect(reported[0]!.context).toEqual({ method: 'GET', url: 'http://localhost/throws?x=1' });
  });

  it('sends an answer without a body as Content-Length 0 and keeps the connection', async () => {
    const result = await exchange(server.port, [get('/no-body'), get('/echo')], 2);
    expect(result.responses.map((response) => response.status)).toEqual([200, 200]);
    expect(result.responses[0]!.headers).toMatchObject({ 'x-empty': 'yes', 'content-length': '0' });
  });

  it('destroys the connection when the answer cannot be written', async () => {
    const result = await exchange(server.port, [get('/bad-status')], 1, 1_500);
    expect(result).toEqual({ responses: [], closed: true, timedOut: false });
  });

  it('rejects the body of a request whose client went away', async () => {
    bodyErrors.length = 0;
    const head = 'POST /awaits-body HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n';
    await exchange(server.port, [head, 'x'.repeat(10)], 1, 200);
    await vi.waitFor(() => expect(bodyErrors).toEqual(['the client aborted the request']), { timeout: 5_000 });
  });
});

describe('serveNode: parser-level errors are StatusResponses', () => {
  const only = async (chunks: string[]) => {
    const result = await exchange(server.port, chunks, 1, 5_000);
    expect(result.timedOut).toBe(false);
    expect(result.responses).toHaveLength(1);
    expect(result.responses[0]!.headers).toMatchObject({ connection: 'close', 'api-version': '1.0.0', 'content-type': 'application/json; charset=utf-8' });
    return { httpStatus: result.responses[0]!.status, ...statusBody(result.responses[0]!.body) };
  };

  it('names the parser code of a bad request line or header', async () => {
    expect(await only(['NOT A REQUEST\r\n\r\n'])).toEqual({ httpStatus: 400, status: 99, statusMessage: 'the request is not valid HTTP/1.1 (invalid_method)' });
    expect(await only(['GET /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\n\r\n'])).toMatchObject({
      statusMessage: 'the request is not valid HTTP/1.1 (invalid_header_token)',
    });
  });

  it('414 "too long" for a URL over the head limit, 431 "too large" for headers over it', async () => {
    expect(await only([get(`/echo?q=${'a'.repeat(20_000)}`)])).toMatchObject({ httpStatus: 414, statusMessage: 'the request URL is too long' });
    expect(await only([get('/echo', `X-Big: ${'a'.repeat(20_000)}\r\n`)])).toMatchObject({
      httpStatus: 431,
      statusMessage: 'the request headers are too large',
    });
  });

  it("413 for chunk extensions over Node's limit", async () => {
    const head = 'POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n';
    expect(await only([head, `5;${'e'.repeat(20_000)}\r\nhello\r\n0\r\n\r\n`])).toMatchObject({
      httpStatus: 413,
      statusMessage: 'the request body is malformed: chunk extensions too large',
    });
  });

  it('408 "did not arrive in time" for headers that never end', async () => {
    expect(await only(['GET /echo HTTP/1.1\r\nHost: 127.0.0.1\r\n'])).toMatchObject({ httpStatus: 408, statusMessage: 'the request did not arrive in time' });
  });
});

describe('serveNode: options', () => {
  let small: NodeServer;
  let ipv6: NodeServer;
  beforeAll(async () => {
    small = await serveNode(async () => statusAnswer('1.0.0', 200, 0, 'ok'), { apiVersion: '1.0.0', maxHeaderSize: 2_048 });
    ipv6 = await serveNode(async (request) => statusAnswer('1.0.0', 200, 0, request.target), { apiVersion: '1.0.0', host: '::1' });
  });
  afterAll(async () => {
    await small.close();
    await ipv6.close();
  });

  it('maxHeaderSize lowers the head limit: 431 for headers the default limit takes', async () => {
    const headers = `X-Big: ${'a'.repeat(4_000)}\r\n`;
    expect((await exchange(small.port, [get('/', headers)], 1)).responses[0]!.status).toBe(431);
    expect((await exchange(server.port, [get('/echo', headers)], 1)).responses[0]!.status).toBe(200);
  });

  it('puts an IPv6 host in brackets in its URL', async () => {
    expect(ipv6.url).toBe(`http://[::1]:${ipv6.port}`);
    const response = await fetch(`${ipv6.url}/here?x=1`);
    expect(statusBody(await response.text()).statusMessage).toBe('/here?x=1');
  });
});

describe('serveNode: an answerer that answers at once', () => {
  let now: NodeServer;
  const bugs: unknown[] = [];
  beforeAll(async () => {
    now = await serveNode(
      (request) => {
        if (request.target === '/throws') throw new Error('a bug, thrown at once');
        if (request.target === '/refuses') throw new BronError(403, 22, 'refused at once');
        if (request.target.startsWith('/here')) return statusAnswer('1.0.0', 200, 0, request.target);
        return undefined;
      },
      { apiVersion: '1.0.0', onError: (error) => bugs.push(error) },
    );
  });
  afterAll(() => now.close());

  it('writes an answer given at once, and a refusal or a bug thrown at once, on one keep-alive connection', async () => {
    const result = await exchange(now.port, [get('/here?x=1'), get('/refuses'), get('/throws'), get('/nothing'), get('/here')], 5);
    expect(result.responses.map((response) => response.status)).toEqual([200, 403, 500, 404, 200]);
    expect(result.responses.map((response) => statusBody(response.body).statusMessage)).toEqual([
      '/here?x=1',
      'refused at once',
      'internal error in the server',
      'no endpoint here',
      '/here',
    ]);
    expect(bugs).toHaveLength(1);
  });

  it('passes an origin-form target with every character the parser lets through (printable ASCII) to the answerer', async () => {
    const printable = Array.from({ length: 0x7e - 0x21 + 1 }, (_, index) => String.fromCharCode(0x21 + index)).join('');
    const odd = `/here/${printable}/%zz%`;
    const result = await exchange(now.port, [get(odd), get('/here')], 2);
    expect(result.responses.map((response) => response.status)).toEqual([200, 200]);
    expect(statusBody(result.responses[0]!.body).statusMessage).toBe(odd);
  });

  it('refuses an origin it could not put in front of a target', () => {
    expect(() => createNodeHandler(() => undefined, { apiVersion: '1.0.0', origin: 'no origin' })).toThrow(/origin must be a scheme and host/);
  });
});

describe('origin-form targets', () => {
  it('parse after an origin whatever byte follows the slash (why the adapter checks only other forms)', () => {
    // Node's parser lets only printable ASCII through; the rest of Latin-1 is checked too.
    for (let code = 0x21; code <= 0xff; code++) {
      const target = `/${String.fromCharCode(code)}x`;
      for (const origin of ['http://localhost', 'http://127.0.0.1:4010', 'http://[::1]:80']) expect(URL.canParse(origin + target)).toBe(true);
    }
  });
});
