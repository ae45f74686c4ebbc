import { createClientCredentialsTokenProvider, loadPrivateKey } from '@eduvkit/auth';
import { consentApi } from '@eduvkit/consent';
import type { ApiRegistry } from '@eduvkit/core';
import { studentsApi } from '@eduvkit/students';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDefectProxy, type Defect } from './support/defect-proxy';
import { CONSENTED_CLIENT, startMockTarget, type MockTarget } from './support/mock-target';
import { failedIds, runSuite } from './support/run-suite';

let target: MockTarget;
let fullToken: string;
beforeAll(async () => {
  target = await startMockTarget();
  const client = target.credentials(CONSENTED_CLIENT);
  const provider = createClientCredentialsTokenProvider({
    clientId: client.clientId,
    privateKey: loadPrivateKey(client.privateKeyPem),
    keyId: client.keyId,
    issuer: target.server.url,
  });
  fullToken = await provider.getToken({ scopes: studentsApi.scopes });
  await provider.close();
}, 60_000);
afterAll(() => target.close());

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'api-version': studentsApi.version, ...headers } });

const withToken = (request: Request, token: string): Request => {
  const headers = new Headers(request.headers);
  headers.set('authorization', `Bearer ${token}`);
  return new Request(request, { headers });
};

const statusOf = async (response: Response): Promise<number | undefined> =>
  (
    (await response
      .clone()
      .json()
      .catch(() => undefined)) as { status?: number } | undefined
  )?.status;

/** Runs the suite through a wrapper that injects the defect and returns the ids of the failed cases. */
async function failuresWith(defect: Defect, registry: ApiRegistry = studentsApi): Promise<string[]> {
  const proxy = await startDefectProxy(target.server.url, defect);
  try {
    const report = await runSuite(target, registry, { baseUrl: `${proxy.url}${registry.basePath}` });
    return failedIds(report);
  } finally {
    await proxy.close();
  }
}

const isList = (request: Request) => request.method === 'GET' && new URL(request.url).pathname.endsWith('/students/school');

describe('each kind of case fails on the defect it checks, and only that case', () => {
  it('the undisturbed wrapper fails nothing (the proxy itself is no defect)', async () => {
    expect(await failuresWith((request, forward) => forward(request))).toEqual([]);
  });

  it('positive: the list answers 404 to a valid request', async () => {
    const defect: Defect = async (request, forward) => {
      const response = await forward(request);
      return isList(request) && response.status === 200 ? json(404, { status: 99, statusMessage: 'no students here' }) : response;
    };
    expect(await failuresWith(defect)).toEqual(['KVTGETSTUDENTSSCHOOL']);
  });

  it('schema: a student without the required givenName', async () => {
    const defect: Defect = async (request, forward) => {
      const response = await forward(request);
      if (!isList(request) || response.status !== 200) return response;
      const [first, ...rest] = (await response.json()) as Record<string, unknown>[];
      const { givenName: _dropped, ...broken } = first!;
      return json(200, [broken, ...rest]);
    };
    const failures = await failuresWith(defect);
    expect(failures).toEqual(['EDUVKIT-SCHEMA-KVTGETSTUDENTSSCHOOL']);
  });

  it('missing required body field: POST /students without school is answered 200', async () => {
    const defect: Defect = async (request, forward) => {
      if (request.method !== 'POST') return forward(request);
      const body = (await request
        .clone()
        .json()
        .catch(() => undefined)) as Record<string, unknown> | undefined;
      if (!body || typeof body !== 'object' || 'school' in body) return forward(request);
      return forward(new Request(request, { body: JSON.stringify({ ...body, school: { organisationMasterIdentifier: target.school } }) }));
    };
    expect(await failuresWith(defect)).toEqual(['KVTPOSTSTUDENTSMISSINGREQUIREDBODYFIELDSCHOOL']);
  });

  it("business: an unknown school is answered with the general 0023 instead of the spec's 2001", async () => {
    const defect: Defect = async (request, forward) => {
      const response = await forward(request);
      return (await statusOf(response)) === 2001 ? json(400, { status: 23, statusMessage: 'edu_org_id unknown' }) : response;
    };
    expect(await failuresWith(defect)).toEqual(['KVTGETSTUDENTSSCHOOLBUSINESS2001', 'KVTPOSTSTUDENTSBUSINESS2001']);
  });

  it('business: an unknown student in POST /students is answered 200 with another student', async () => {
    const defect: Defect = async (request, forward) => {
      const response = await forward(request);
      if ((await statusOf(response)) !== 2002) return response;
      const list = await forward(
        new Request(`${target.baseUrl(studentsApi)}/students/school?orgMasterId=${target.school}`, { headers: { authorization: `Bearer ${fullToken}` } }),
      );
      const [first] = (await list.json()) as unknown[];
      return json(200, first);
    };
    expect(await failuresWith(defect)).toEqual(['KVTPOSTSTUDENTSBUSINESS2002']);
  });

  it('unknown school: a Consent message for a school the bron does not know is accepted', async () => {
    const defect: Defect = async (request, forward) => {
      const response = await forward(request);
      return response.status === 400 && (await statusOf(response)) === 23
        ? new Response(null, { status: 202, headers: { 'api-version': consentApi.version } })
        : response;
    };
    const failures = await failuresWith(defect, consentApi);
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.filter((id) => !id.startsWith('EDUVKIT-UNKNOWNSCHOOL-'))).toEqual([]);
  });

  it('no 5xx: the bron accepts a confirmation it then cannot serve back in its statuses', async () => {
    let broken = false;
    const defect: Defect = async (request, forward) => {
      const { pathname } = new URL(request.url);
      if (broken && request.method === 'GET' && pathname.endsWith('/consent/statuses'))
        return json(500, { status: 99, statusMessage: 'internal error' }, { 'api-version': consentApi.version });
      const response = await forward(request);
      if (request.method === 'PUT' && pathname.endsWith('/consent/confirmations') && response.status === 202) broken = true;
      return response;
    };
    expect(await failuresWith(defect, consentApi)).toEqual(['EDUVKIT-NO-5XX']);
  });

  it('no token: a request without a token is served', async () => {
    const defect: Defect = (request, forward) => forward(request.headers.has('authorization') ? request : withToken(request, fullToken));
    expect(await failuresWith(defect)).toEqual(['EDUVKIT-NOTOKEN-KVTGETSTUDENTSSCHOOL', 'EDUVKIT-NOTOKEN-KVTPOSTSTUDENTS']);
  });

  it('no scope: a token without the scope is served', async () => {
    const defect: Defect = async (request, forward) => {
      const response = await forward(request.clone());
      return response.status === 401 && (await statusOf(response)) === 21 ? forward(withToken(request, fullToken)) : response;
    };
    expect(await failuresWith(defect)).toEqual(['EDUVKIT-NOSCOPE-KVTGETSTUDENTSSCHOOL', 'EDUVKIT-NOSCOPE-KVTPOSTSTUDENTS']);
  });

  it('no consent: a client the school never activated is served', async () => {
    const defect: Defect = async (request, forward) => {
      const response = await forward(request.clone());
      return response.status === 403 && (await statusOf(response)) === 22 ? forward(withToken(request, fullToken)) : response;
    };
    expect(await failuresWith(defect)).toEqual(['EDUVKIT-NOCONSENT-KVTGETSTUDENTSSCHOOL', 'EDUVKIT-NOCONSENT-KVTPOSTSTUDENTS']);
  });

  it('malformed parameter: the 0011 message does not name the field', async () => {
    const defect: Defect = async (request, forward) => {
      const response = await forward(request);
      return isList(request) && (await statusOf(response)) === 11 ? json(400, { status: 11, statusMessage: 'Schema incorrect' }) : response;
    };
    expect(await failuresWith(defect)).toEqual(['EDUVKIT-MALFORMED-KVTGETSTUDENTSSCHOOL']);
  });

  it('API-Version: one kind of answer comes without it', async () => {
    const defect: Defect = async (request, forward) => {
      const response = await forward(request);
      if (response.status !== 401) return response;
      const headers = new Headers(response.headers);
      headers.delete('api-version');
      return new Response(await response.arrayBuffer(), { status: response.status, headers });
    };
    expect(await failuresWith(defect)).toEqual(['EDUVKIT-API-VERSION']);
  });

  it('StatusResponse: refusals carry the status as a padded string', async () => {
    const defect: Defect = async (request, forward) => {
      const response = await forward(request);
      if (response.status < 400) return response;
      const body = (await response.json()) as { status: number; statusMessage?: string };
      return json(response.status, { ...body, status: String(body.status).padStart(4, '0') });
    };
    expect(await failuresWith(defect)).toEqual(['EDUVKIT-STATUSRESPONSE']);
  });

  it('no 5xx: a body that is not JSON crashes the bron', async () => {
    const defect: Defect = async (request, forward) => {
      if (request.method === 'POST') {
        const text = await request.clone().text();
        try {
          JSON.parse(text);
        } catch {
          return json(500, { status: 99, statusMessage: 'internal error' });
        }
      }
      return forward(request);
    };
    expect(await failuresWith(defect)).toEqual(['EDUVKIT-NO-5XX']);
  });
});
