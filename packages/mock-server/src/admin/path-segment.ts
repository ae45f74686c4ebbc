import { EduvStatus } from '@eduvkit/core';
import { statusResponse } from '@eduvkit/core/server';
import { MOCK_SERVER_VERSION } from '../mock-handler';

/** A captured path segment, decoded; a 400 / 0011 naming the parameter when it is not valid percent-encoding. */
export function decodePathSegment(raw: string, name: string): string | Response {
  try {
    return decodeURIComponent(raw);
  } catch {
    return statusResponse(MOCK_SERVER_VERSION, 400, EduvStatus.SchemaIncorrect, `Schema incorrect: path parameter "${name}" is not valid percent-encoding`);
  }
}
