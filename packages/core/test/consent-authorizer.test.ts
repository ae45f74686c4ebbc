import { describe, expect, it } from 'vitest';
import type { ApiRegistry, OperationDefinition } from '../src/registry';
import type { ResolvedSchool } from '../src/school';
import { BronError, consentAuthorizer, type ConsentQuery } from '../src/server';

const registry = (api: string, consentRequired = true) => ({ api, consentRequired }) as ApiRegistry;
const school = { school: { orgMasterId: '104A158' } } as ResolvedSchool;
const operation = {} as OperationDefinition;

/** What an authorize call came to, whether it answered at once (a synchronous isActive) or through a promise. */
async function outcome(authorizing: () => void | Promise<void>): Promise<'allowed' | { httpStatus: number; eduvStatus: number; statusMessage: string }> {
  try {
    await authorizing();
    return 'allowed';
  } catch (error) {
    expect(error).toBeInstanceOf(BronError);
    const { httpStatus, eduvStatus, statusMessage } = error as BronError;
    return { httpStatus, eduvStatus, statusMessage };
  }
}

describe('consentAuthorizer', () => {
  it('asks isActive about client, school, API and scopes, and refuses an inactive exchange with 403 / 0022 naming them', async () => {
    const asked: ConsentQuery[] = [];
    let active = false;
    const authorize = consentAuthorizer({ isActive: async (query) => (asked.push(query), active) });
    const caller = { clientId: 'client-a', scopes: new Set(['s']) };
    expect(await outcome(() => authorize(caller, school, operation, registry('students-api')))).toEqual({
      httpStatus: 403,
      eduvStatus: 22,
      statusMessage: 'consent required: school 104A158 has not activated students-api for client client-a',
    });
    expect(asked).toEqual([{ clientId: 'client-a', orgMasterId: '104A158', api: 'students-api', scopes: new Set(['s']) }]);
    active = true;
    expect(await outcome(() => authorize(caller, school, operation, registry('students-api')))).toBe('allowed');
  });

  it('refuses a caller without client identity without asking, whatever isActive would say', async () => {
    let asked = 0;
    const authorize = consentAuthorizer({ isActive: () => ((asked += 1), true) });
    for (const clientId of [undefined, '']) {
      expect(
        await outcome(() => authorize({ ...(clientId === undefined ? {} : { clientId }), scopes: 'all' }, school, operation, registry('students-api'))),
      ).toEqual({
        httpStatus: 403,
        eduvStatus: 22,
        statusMessage: 'consent required: the caller is not identified, so no activation can apply',
      });
    }
    expect(asked).toBe(0);
  });

  it('lets open-data APIs and APIs without consent through without asking, and only those', async () => {
    let asked = 0;
    const authorize = consentAuthorizer({ isActive: () => ((asked += 1), false), openDataApis: ['education-api'] });
    expect(await outcome(() => authorize({ scopes: 'all' }, school, operation, registry('education-api')))).toBe('allowed');
    expect(await outcome(() => authorize({ scopes: 'all' }, school, operation, registry('consent-api', false)))).toBe('allowed');
    expect(asked).toBe(0);
    expect(await outcome(() => authorize({ clientId: 'c', scopes: 'all' }, school, operation, registry('students-api')))).toMatchObject({ httpStatus: 403 });
    expect(
      await outcome(() => consentAuthorizer({ isActive: () => false })({ clientId: 'c', scopes: 'all' }, school, operation, registry('education-api'))),
    ).toMatchObject({ httpStatus: 403 });
  });

  it('answers at once with a synchronous isActive: no promise for an activated exchange, a thrown refusal otherwise', () => {
    let active = true;
    const authorize = consentAuthorizer({ isActive: () => active });
    const caller = { clientId: 'client-a', scopes: 'all' as const };
    expect(authorize(caller, school, operation, registry('students-api'))).toBeUndefined();
    active = false;
    expect(() => authorize(caller, school, operation, registry('students-api'))).toThrow(BronError);
  });
});
