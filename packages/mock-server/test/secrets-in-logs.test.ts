import { readFileSync } from 'node:fs';
import { createClientCredentialsTokenProvider, loadPrivateKey } from '@eduvkit/auth';
import type { Logger } from '@eduvkit/core';
import { createStudentsClient } from '@eduvkit/students';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startMockServer, type MockServer } from '../src/index';

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ port: 0, seed: 6, onUnexpectedError: (error) => console.error('unexpected', error) });
});
afterAll(() => server.close());

describe('secrets never reach a log line or an error message', () => {
  it('holds for a full run of successes and refusals', async () => {
    const lines: string[] = [];
    const capture = (...args: unknown[]) =>
      lines.push(args.map((arg) => (arg instanceof Error ? `${arg.message}\n${arg.stack}` : typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '));
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) vi.spyOn(console, method).mockImplementation(capture);
    const logger: Logger = { debug: capture, info: capture, warn: capture, error: capture };

    // Record what crossed the wire, to know exactly which secrets exist in this run.
    const secrets = new Set<string>();
    const recordingFetch: typeof fetch = async (input, init) => {
      const body = init?.body ?? (input instanceof Request ? await input.clone().text() : undefined);
      const assertion = typeof body === 'string' || body instanceof URLSearchParams ? new URLSearchParams(String(body)).get('client_assertion') : null;
      if (assertion) secrets.add(assertion);
      const response = await fetch(input, init);
      if (response.headers.get('content-type')?.includes('json')) {
        const text = await response.clone().text();
        const token = /"access_token":"([^"]+)"/.exec(text)?.[1];
        if (token) secrets.add(token);
      }
      return response;
    };

    const registered = server.clients.find((client) => client.clientId === 'demo-bestelomgeving')!;
    const pem = readFileSync(registered.privateKeyFile!, 'utf8');
    const keyLines = pem.split('\n').filter((line) => line.length > 40);
    const errors: unknown[] = [];
    /** A call meant to be refused: it must fail, and in the way named. */
    const refused = async (work: () => Promise<unknown>, expected: Record<string, unknown>) => {
      const error = await work().then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toMatchObject(expected);
      errors.push(error);
    };

    const provider = createClientCredentialsTokenProvider({
      clientId: 'demo-bestelomgeving',
      privateKey: loadPrivateKey(pem),
      keyId: registered.jwks.keys[0]!.kid!,
      issuer: server.url,
      fetch: recordingFetch,
      logger,
    });
    const client = createStudentsClient({
      baseUrl: `${server.url}/students-api/v1`,
      tokenProvider: provider,
      fetch: recordingFetch,
      logger,
      validation: 'strict',
      retry: false,
    });
    // The calls meant to succeed must succeed: a run of refusals alone proves little about successes.
    expect((await client.listForSchool({ orgMasterId: server.world.schools[0]!.orgMasterId })).data.length).toBeGreaterThan(0);
    await refused(() => client.listForSchool({ orgMasterId: '000X000' }), { name: 'EduvApiError', httpStatus: 400, eduvStatus: 2001 });

    // A client whose assertion the server refuses (signed with the wrong key).
    const wrongKey = createClientCredentialsTokenProvider({
      clientId: 'demo-bestelomgeving',
      privateKey: loadPrivateKey(readFileSync(server.clients.find((item) => item.clientId === 'demo-dashboard')!.privateKeyFile!, 'utf8')),
      keyId: registered.jwks.keys[0]!.kid!,
      issuer: server.url,
      fetch: recordingFetch,
      logger,
    });
    await refused(
      () =>
        createStudentsClient({ baseUrl: `${server.url}/students-api/v1`, tokenProvider: wrongKey, fetch: recordingFetch, logger }).listForSchool({
          orgMasterId: '163G332',
        }),
      {
        name: 'EduvAuthError',
        oauthError: 'invalid_client',
      },
    );

    // A token the bron refuses: its signature is broken.
    const token = await provider.getToken({ scopes: ['eduv.student.basic'] });
    const broken = `${token.slice(0, -6)}AAAAAA`;
    secrets.add(broken);
    const brokenClient = createStudentsClient({
      baseUrl: `${server.url}/students-api/v1`,
      tokenProvider: { getToken: async () => broken },
      fetch: recordingFetch,
      logger,
      retry: false,
    });
    await refused(() => brokenClient.listForSchool({ orgMasterId: server.world.schools[0]!.orgMasterId }), { name: 'EduvApiError', httpStatus: 401 });
    await provider.close();
    await wrongKey.close();

    expect(secrets.size).toBeGreaterThanOrEqual(3);
    expect(errors).toHaveLength(3);
    const texts = [
      ...lines,
      ...errors.flatMap((error) => [
        String(error),
        (error as Error).message,
        (error as Error).stack ?? '',
        JSON.stringify(error),
        JSON.stringify((error as { body?: unknown }).body ?? null),
      ]),
    ];
    for (const text of texts) {
      for (const secret of secrets) expect(text.includes(secret), `a secret leaked into log or error text #${texts.indexOf(text)}`).toBe(false);
      for (const line of keyLines) expect(text.includes(line)).toBe(false);
      expect(text).not.toContain('PRIVATE KEY');
    }
    vi.restoreAllMocks();
  });
});
