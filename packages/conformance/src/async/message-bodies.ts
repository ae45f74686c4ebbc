import { randomInt, randomUUID } from 'node:crypto';
import type { ExchangeFacts, OperationDefinition } from '@eduvkit/core';
import type { ExchangePair } from '@eduvkit/core/exchange';
import { createRandom, type Random } from '@eduvkit/core/fixtures';
import { creditOrderConfirmation, creditOrderRequest, fakeIsbn13, orderConfirmation, orderRequest } from '@eduvkit/order/fixtures';
import type { CreditOrderRequest, OrderRequest } from '@eduvkit/order';
import { jsonSchemaOf, sampleValue, type SampleHint } from '../data/sample';

type Body = Record<string, unknown>;

interface FixtureMessages {
  request(random: Random): Body;
  confirmation(random: Random, request: Body): Body;
}

/** Realistic bodies from an API's fixtures, where they exist; other operations are sampled from their schema. */
const FIXTURE_MESSAGES: Readonly<Record<string, FixtureMessages>> = {
  placeOrder: {
    request: (random) => orderRequest(random, { productId: fakeIsbn13(random) }),
    confirmation: (random, request) => orderConfirmation(random, request as unknown as OrderRequest),
  },
  placeCreditOrder: {
    request: (random) => creditOrderRequest(random, orderRequest(random, { productId: fakeIsbn13(random) })),
    confirmation: (random, request) => creditOrderConfirmation(random, request as unknown as CreditOrderRequest),
  },
};

// A user reference needs userMasterIdentifier or userIds, a rule JSON Schema does not carry.
const hint: SampleHint = (name, node) => (name === 'user' ? { ...(sampleValue(node) as Body), userMasterIdentifier: randomUUID() } : undefined);

const sampled = (operation: OperationDefinition): Body => (operation.body ? (sampleValue(jsonSchemaOf(operation.body), hint) as Body) : {});

const freshRandom = (): Random => createRandom(randomInt(2 ** 31));

/** Stands in for a school when none is given: well-formed, known to no one. */
export const PLACEHOLDER_SCHOOL = '000X000';

/**
 * A valid request body of the pair with a fresh reference id. An operation that selects its school
 * in the body gets one there (the schema may call it optional; the ontvanger needs it): `school`,
 * else the fixture's, else a placeholder.
 */
export function requestBody(pair: ExchangePair, school?: string): Body {
  const body = FIXTURE_MESSAGES[pair.request.operationId]?.request(freshRandom()) ?? sampled(pair.request);
  const needsSchool = pair.request.schoolSelection === 'body' && (school !== undefined || body.school === undefined);
  return {
    ...body,
    ...(needsSchool ? { school: { organisationMasterIdentifier: school ?? PLACEHOLDER_SCHOOL } } : {}),
    [pair.request.exchange.reference]: randomUUID(),
  };
}

const withoutFields = (body: Body, fields: readonly (string | undefined)[]): Body =>
  Object.fromEntries(Object.entries(body).filter(([name]) => !fields.includes(name)));

/** The fields the exchange machinery fills in on a confirmation: the reference, the receipt id, the moment of processing. */
export const exchangeFields = (facts: ExchangeFacts): string[] =>
  [facts.reference, facts.receipt, facts.processedAt].filter((field): field is string => field !== undefined);

/** What a process function returns for `request`: its confirmation without the exchange fields. */
export function confirmationDraft(pair: ExchangePair, request: Body): Body {
  const body = FIXTURE_MESSAGES[pair.request.operationId]?.confirmation(freshRandom(), request) ?? sampled(pair.confirmation);
  return withoutFields(body, exchangeFields(pair.confirmation.exchange));
}

/** A complete confirmation of `request`, as an ontvanger PUTs it. */
export function confirmationBody(pair: ExchangePair, request: Body): Body {
  const facts = pair.confirmation.exchange;
  return {
    ...confirmationDraft(pair, request),
    [facts.reference]: request[pair.request.exchange.reference],
    ...(facts.receipt ? { [facts.receipt]: randomUUID() } : {}),
    ...(facts.processedAt ? { [facts.processedAt]: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') } : {}),
  };
}
