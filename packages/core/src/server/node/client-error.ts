import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { EduvStatus } from '../../status-codes';

interface ParserError extends Error {
  code?: string;
  rawPacket?: Buffer;
}

/** What the HTTP parser's error means for the client: status and a message that names no data. */
export function parserErrorStatus(error: ParserError, maxUrlLength: number): { status: number; message: string } {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW': {
      // Node counts the request line towards its header limit: a request line that never ended is a URL over it.
      const packet = error.rawPacket?.toString('latin1') ?? '';
      const lineEnd = packet.indexOf('\r\n');
      const urlTooLong = /^[A-Z]+ /.test(packet) && (lineEnd === -1 || lineEnd > maxUrlLength);
      return urlTooLong ? { status: 414, message: 'the request URL is too long' } : { status: 431, message: 'the request headers are too large' };
    }
    case 'ERR_HTTP_REQUEST_TIMEOUT':
    case 'ERR_HTTP_HEADERS_TIMEOUT':
      return { status: 408, message: 'the request did not arrive in time' };
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return { status: 413, message: 'the request body is malformed: chunk extensions too large' };
    default:
      return { status: 400, message: `the request is not valid HTTP/1.1 (${(error.code ?? 'parse error').replace(/^HPE_/, '').toLowerCase()})` };
  }
}

/** A whole HTTP/1.1 StatusResponse, written by hand: the parser failed, so there is no ServerResponse. */
export function rawStatusResponse(apiVersion: string, status: number, message: string): string {
  const body = JSON.stringify({ status: EduvStatus.Other, statusMessage: message });
  return (
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n` +
    'content-type: application/json; charset=utf-8\r\n' +
    `api-version: ${apiVersion}\r\n` +
    `content-length: ${Buffer.byteLength(body)}\r\n` +
    'connection: close\r\n\r\n' +
    body
  );
}

/**
 * For `server.on('clientError', …)`: a request Node's parser refused (header or URL over the
 * limit, a bad request line, a timeout) gets a StatusResponse, then the connection closes.
 */
export function answerClientError(apiVersion: string, maxUrlLength: number) {
  return (error: ParserError, socket: Duplex): void => {
    const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const { status, message } = parserErrorStatus(error, maxUrlLength);
    socket.end(rawStatusResponse(apiVersion, status, message));
  };
}
