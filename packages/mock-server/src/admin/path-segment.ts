import { BronError, statusResponse } from '@eduvkit/core/server';
import { MOCK_SERVER_VERSION } from '../mock-handler';

/** A captured path segment, decoded; the bron's 400 / 0011 naming the parameter when it is not valid percent-encoding. */
export function decodePathSegment(raw: string, name: string): string | Response {
  try {
    return decodeURIComponent(raw);
  } catch {
    const refusal = BronError.malformedPathParameter(name);
    return statusResponse(MOCK_SERVER_VERSION, refusal.httpStatus, refusal.eduvStatus, refusal.statusMessage);
  }
}
