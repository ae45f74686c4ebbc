import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { Duplex } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BronError } from '../src/server';
import { answerClientError, NodeBronRequest, parserErrorStatus, rawStatusResponse } from '../src/server/node';
import { declaredLength } from '../src/server/node/node-handler';

// The parts of the Node adapter a socket cannot steer: the parser's error objects, a socket in a
// given state, an IncomingMessage in a given state. Everything else is tested over HTTP in server-node.test.ts.

const overflow = (packet?: string) =>
  Object.assign(new Error('Header overflow'), { code: 'HPE_HEADER_OVERFLOW', ...(packet === undefined ? {} : { rawPacket: Buffer.from(packet, 'latin1') }) });

describe('parserErrorStatus', () => {
  const URL_TOO_LONG = { status: 414, message: 'the request URL is too long' };
  const HEADERS_TOO_LARGE = { status: 431, message: 'the request headers are too large' };

  it('414 for a request line that never ended within the head limit', () => {
    expect(parserErrorStatus(overflow(`GET /${'a'.repeat(50)}`), 10)).toEqual(URL_TOO_LONG);
    // Even when that unended line is shorter than the URL limit: the parser counts it towards the head limit.
    expect(parserErrorStatus(overflow('GET /abc'), 100)).toEqual(URL_TOO_LONG);
  });

  it('414 for a request line longer than the URL limit, 431 for one exactly at it', () => {
    const line = (length: number) => `GET /${'a'.repeat(length - 'GET / HTTP/1.1'.length)} HTTP/1.1`;
    expect(line(20)).toHaveLength(20);
    expect(parserErrorStatus(overflow(`${line(21)}\r\nHost: x\r\n`), 20)).toEqual(URL_TOO_LONG);
    expect(parserErrorStatus(overflow(`${line(20)}\r\nHost: x\r\n`), 20)).toEqual(HEADERS_TOO_LARGE);
  });

  it('431 when the packet does not start with a request line, wherever a method-like word appears in it', () => {
    expect(parserErrorStatus(overflow(`X-Big: aaa GET ${'a'.repeat(50)}`), 10)).toEqual(HEADERS_TOO_LARGE);
    expect(parserErrorStatus(overflow(`get /${'a'.repeat(50)}`), 10)).toEqual(HEADERS_TOO_LARGE);
  });

  it('431 when the parser gives no raw packet', () => {
    expect(parserErrorStatus(overflow(), 10)).toEqual(HEADERS_TOO_LARGE);
  });

  it('408 for both timeouts', () => {
    for (const code of ['ERR_HTTP_REQUEST_TIMEOUT', 'ERR_HTTP_HEADERS_TIMEOUT']) {
      expect(parserErrorStatus(Object.assign(new Error('timeout'), { code }), 10)).toEqual({ status: 408, message: 'the request did not arrive in time' });
    }
  });

  it('413 for chunk extensions over the limit', () => {
    expect(parserErrorStatus(Object.assign(new Error('x'), { code: 'HPE_CHUNK_EXTENSIONS_OVERFLOW' }), 10)).toEqual({
      status: 413,
      message: 'the request body is malformed: chunk extensions too large',
    });
  });

  it('400 naming the parser code in lower case, without its HPE_ prefix', () => {
    const status = (code?: string) => parserErrorStatus(Object.assign(new Error('x'), code === undefined ? {} : { code }), 10);
    expect(status('HPE_INVALID_METHOD')).toEqual({ status: 400, message: 'the request is not valid HTTP/1.1 (invalid_method)' });
    expect(status('ERR_HPE_LIKE')).toEqual({ status: 400, message: 'the request is not valid HTTP/1.1 (err_hpe_like)' });
    expect(status()).toEqual({ status: 400, message: 'the request is not valid HTTP/1.1 (parse error)' });
  });
});

describe('rawStatusResponse', () => {
  it('is a whole HTTP/1.1 response: status line with its reason, JSON StatusResponse, length, connection close', () => {
    const body = '{"status":99,"statusMessage":"the request URL is too long"}';
    expect(rawStatusResponse('2.1.0', 414, 'the request URL is too long')).toBe(
      'HTTP/1.1 414 URI Too Long\r\n' +
        'content-type: application/json; charset=utf-8\r\n' +
        'api-version: 2.1.0\r\n' +
        `content-length: ${body.length}\r\n` +
        'connection: close\r\n\r\n' +
        body,
    );
  });

  it('says Error for a status Node has no reason phrase for, and counts the length in bytes', () => {
    const response = rawStatusResponse('1.0.0', 599, 'één');
    expect(response.startsWith('HTTP/1.1 599 Error\r\n')).toBe(true);
    expect(response).toContain(`content-length: ${Buffer.byteLength('{"status":99,"statusMessage":"één"}')}\r\n`);
  });
});

describe('answerClientError', () => {
  const answer = answerClientError('1.0.0', 8_192);
  const socket = (inFlight?: { headersSent: boolean }) => {
    const written: string[] = [];
    const errors: Error[] = [];
    const duplex = new Duplex({
      read() {},
      write(chunk: Buffer, _encoding, callback) {
        written.push(chunk.toString('latin1'));
        callback();
      },
    });
    duplex.on('error', (error) => errors.push(error));
    if (inFlight) Object.assign(duplex, { _httpMessage: inFlight });
    return { duplex, written, errors };
  };
  const badMethod = () => Object.assign(new Error('Invalid method'), { code: 'HPE_INVALID_METHOD' });
  const flush = () => new Promise((resolve) => setImmediate(resolve));

  it('writes the StatusResponse and ends the connection', async () => {
    const { duplex, written, errors } = socket({ headersSent: false });
    answer(badMethod(), duplex);
    await flush();
    expect(written.join('')).toBe(rawStatusResponse('1.0.0', 400, 'the request is not valid HTTP/1.1 (invalid_method)'));
    expect(duplex.writableEnded).toBe(true);
    expect(errors).toEqual([]);
  });

  it('destroys a connection the client reset, without writing', async () => {
    const { duplex, written } = socket();
    answer(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), duplex);
    await flush();
    expect(duplex.destroyed).toBe(true);
    expect(written).toEqual([]);
  });

  it('destroys a connection that can no longer be written to, without writing', async () => {
    const { duplex, written, errors } = socket();
    duplex.end();
    answer(badMethod(), duplex);
    await flush();
    expect(duplex.destroyed).toBe(true);
    expect(written).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('destroys a connection whose response already sent its headers, without writing a second one', async () => {
    const { duplex, written } = socket({ headersSent: true });
    answer(badMethod(), duplex);
    await flush();
    expect(duplex.destroyed).toBe(true);
    expect(written).toEqual([]);
  });
});

describe('declaredLength', () => {
  it('reads a non-negative integer Content-Length', () => {
    expect(declaredLength('0')).toBe(0);
    expect(declaredLength('10')).toBe(10);
    expect(declaredLength(String(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('trusts no length that is absent, negative, fractional, not a number or past the safe integers', () => {
    for (const header of [undefined, '-1', '1.5', 'ten', '9007199254740993']) expect(declaredLength(header)).toBeUndefined();
  });
});

describe('NodeBronRequest', () => {
  const message = (init: Partial<Pick<IncomingMessage, 'method' | 'url' | 'headers' | 'rawHeaders'>> = {}) => {
    const incoming = new IncomingMessage(new Socket());
    Object.assign(incoming, { method: undefined, url: undefined, ...init });
    return incoming;
  };
  const settled = <T>(promise: Promise<T>) =>
    Promise.race([
      promise.then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      ),
      new Promise((resolve) => setTimeout(() => resolve('pending'), 100)),
    ]);
  const listeners = (incoming: IncomingMessage) => ['data', 'end', 'error', 'aborted'].map((event) => incoming.listenerCount(event));

  it('defaults to GET and the root path when Node gives no method or URL', () => {
    const request = new NodeBronRequest(message(), 'http://bron.test', 100);
    expect(request.method).toBe('GET');
    expect(request.url).toBe('http://bron.test/');
    expect(request.target).toBe('/');
  });

  it('gives the target as sent and the URL under the origin', () => {
    const request = new NodeBronRequest(message({ method: 'POST', url: '/a/b?c=d' }), 'http://bron.test', 100);
    expect(request.method).toBe('POST');
    expect(request.url).toBe('http://bron.test/a/b?c=d');
    expect(request.target).toBe('/a/b?c=d');
  });

  it('reads headers case-insensitively, joins a repeated one with ", " and has null for an absent one', () => {
    const request = new NodeBronRequest(message({ headers: { 'x-one': 'a', 'set-cookie': ['a=1', 'b=2'] } }), 'http://bron.test', 100);
    expect(request.headers.get('X-One')).toBe('a');
    expect(request.headers.get('set-cookie')).toBe('a=1, b=2');
    expect(request.headers.get('x-absent')).toBeNull();
  });

  it('lists every raw header with its name in lower case', () => {
    const request = new NodeBronRequest(message({ rawHeaders: ['X-One', 'a', 'Accept', 'b', 'X-One', 'c'] }), 'http://bron.test', 100);
    const seen: [string, string][] = [];
    request.headers.forEach((value, name) => seen.push([name, value]));
    expect(seen).toEqual([
      ['x-one', 'a'],
      ['accept', 'b'],
      ['x-one', 'c'],
    ]);
  });

  it('reads a body that arrived before it was asked for', async () => {
    const incoming = message({ method: 'POST' });
    incoming.push('{"a":1}');
    incoming.push(null);
    incoming.complete = true;
    const request = new NodeBronRequest(incoming, 'http://bron.test', 100);
    await expect(settled(request.text())).resolves.toEqual({ value: '{"a":1}' });
    expect(request.bodyState).toBe('read');
  });

  it('gives an empty body once the message was read to its end', async () => {
    const incoming = message({ method: 'POST' });
    incoming.push(null);
    incoming.resume();
    await new Promise((resolve) => incoming.once('end', resolve));
    incoming.complete = true;
    const request = new NodeBronRequest(incoming, 'http://bron.test', 100);
    await expect(settled(request.text())).resolves.toEqual({ value: '' });
    expect(request.bodyState).toBe('read');
  });

  it('reads a body of exactly the limit, in chunks, once, and leaves no listener behind', async () => {
    const incoming = message({ method: 'POST' });
    const before = listeners(incoming);
    const request = new NodeBronRequest(incoming, 'http://bron.test', 5);
    const text = request.text();
    expect(request.bodyState).toBe('reading');
    expect(request.text()).toBe(text);
    incoming.push('abc');
    incoming.push('de');
    incoming.push(null);
    await expect(settled(text)).resolves.toEqual({ value: 'abcde' });
    expect(request.bodyState).toBe('read');
    expect(listeners(incoming)).toEqual(before);
  });

  it('refuses a body one byte over the limit with a BronError 413, pauses the message and leaves no listener behind', async () => {
    const incoming = message({ method: 'POST' });
    const before = listeners(incoming);
    const request = new NodeBronRequest(incoming, 'http://bron.test', 5);
    const text = request.text();
    incoming.push('abc');
    incoming.push('def');
    const result = (await settled(text)) as { error: BronError };
    expect(result.error).toBeInstanceOf(BronError);
    expect(result.error.httpStatus).toBe(413);
    expect(result.error.statusMessage).toContain('5 bytes');
    expect(request.bodyState).toBe('too-large');
    expect(incoming.isPaused()).toBe(true);
    expect(listeners(incoming)).toEqual(before);
  });

  it('rejects with the error of the message, and with a named error when the client aborted', async () => {
    const failing = message({ method: 'POST' });
    const before = listeners(failing);
    const failed = new NodeBronRequest(failing, 'http://bron.test', 100).text();
    const boom = new Error('boom');
    failing.emit('error', boom);
    await expect(settled(failed)).resolves.toEqual({ error: boom });
    expect(listeners(failing)).toEqual(before);

    const aborting = message({ method: 'POST' });
    const aborted = new NodeBronRequest(aborting, 'http://bron.test', 100).text();
    aborting.emit('aborted');
    const result = (await settled(aborted)) as { error: Error };
    expect(result.error.message).toBe('the client aborted the request');
    expect(listeners(aborting)).toEqual(before);
  });

  it('reads no body for a Fetch GET or HEAD request, and the body for others', async () => {
    for (const method of ['GET', 'HEAD']) {
      const request = new NodeBronRequest(message({ method, url: '/x', rawHeaders: ['Accept', 'application/json'] }), 'http://bron.test', 100);
      const fetchRequest = (await settled(request.toFetchRequest())) as { value: Request };
      expect(fetchRequest.value.method).toBe(method);
      expect(fetchRequest.value.url).toBe('http://bron.test/x');
      expect(fetchRequest.value.headers.get('accept')).toBe('application/json');
      expect(request.bodyState).toBe('unread');
    }
    const incoming = message({ method: 'DELETE', url: '/x' });
    incoming.push('gone');
    incoming.push(null);
    const request = new NodeBronRequest(incoming, 'http://bron.test', 100);
    const fetchRequest = (await settled(request.toFetchRequest())) as { value: Request };
    await expect(fetchRequest.value.text()).resolves.toBe('gone');
    expect(request.bodyState).toBe('read');
  });
});
