import type { IncomingMessage } from 'node:http';
import { BronError } from '../bron-error';
import { toFetchRequest, type BronRequest } from '../bron-request';

export type BodyState = 'unread' | 'reading' | 'read' | 'too-large';

/** BronRequest's headers over Node's parsed ones (methods on a class: no closures per request). */
class NodeHeaders {
  constructor(private readonly incoming: IncomingMessage) {}

  get(name: string): string | null {
    const value = this.incoming.headers[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  }

  forEach(callback: (value: string, name: string) => void): void {
    const raw = this.incoming.rawHeaders;
    for (let index = 0; index < raw.length; index += 2) callback(raw[index + 1]!, raw[index]!.toLowerCase());
  }
}

/**
 * A BronRequest read straight from Node's `IncomingMessage`: headers from Node's own parsed
 * object, the URL only as a string and the body, on demand, up to a limit. No Fetch objects.
 */
export class NodeBronRequest implements BronRequest {
  /** How far the body was read; the adapter drains or closes the connection from this. */
  bodyState: BodyState = 'unread';
  private body: Promise<string> | undefined;

  readonly headers: NodeHeaders;
  private absoluteUrl: string | undefined;

  constructor(
    readonly incoming: IncomingMessage,
    private readonly origin: string,
    private readonly bodyLimit: number,
  ) {
    this.headers = new NodeHeaders(incoming);
  }

  get method(): string {
    return this.incoming.method ?? 'GET';
  }

  get url(): string {
    return (this.absoluteUrl ??= this.origin + (this.incoming.url ?? '/'));
  }

  /** The path and query as sent. */
  get target(): string {
    return this.incoming.url ?? '/';
  }

  /** The body as UTF-8 text; over the limit a BronError 413 (and the rest stays unread). */
  text(): Promise<string> {
    this.body ??= new Promise<string>((resolve, reject) => {
      const incoming = this.incoming;
      if (incoming.complete && incoming.readableEnded) {
        this.bodyState = 'read';
        resolve('');
        return;
      }
      this.bodyState = 'reading';
      const chunks: Buffer[] = [];
      let size = 0;
      const cleanup = () => {
        incoming.off('data', onData).off('end', onEnd).off('error', onError).off('aborted', onAborted);
      };
      const onData = (chunk: Buffer) => {
        size += chunk.length;
        if (size > this.bodyLimit) {
          cleanup();
          incoming.pause();
          this.bodyState = 'too-large';
          reject(BronError.bodyTooLarge(this.bodyLimit));
          return;
        }
        chunks.push(chunk);
      };
      const onEnd = () => {
        cleanup();
        this.bodyState = 'read';
        resolve(Buffer.concat(chunks, size).toString('utf8'));
      };
      const onError = (error: Error) => {
        cleanup();
        reject(error);
      };
      const onAborted = () => onError(new Error('the client aborted the request'));
      incoming.on('data', onData).on('end', onEnd).on('error', onError).on('aborted', onAborted);
    });
    return this.body;
  }

  /** A Fetch API `Request` with the body read (up to the limit), for handlers that speak Fetch. */
  async toFetchRequest(): Promise<Request> {
    const method = this.method;
    const body = method === 'GET' || method === 'HEAD' ? undefined : await this.text();
    return toFetchRequest(this, body);
  }
}
