import type { OperationDefinition } from '../registry';
import { EduvStatus } from '../status-codes';
import { unknownSchoolRefusal } from '../unknown-school';

/**
 * A refusal a bron sends as a StatusResponse. Throw it from an operation handler (or return it)
 * and the bron helpers turn it into the HTTP status and Edu-V status code it names.
 */
export class BronError extends Error {
  override readonly name = 'BronError';

  constructor(
    readonly httpStatus: number,
    readonly eduvStatus: number,
    readonly statusMessage: string,
  ) {
    super(statusMessage);
  }

  static schema(detail: string): BronError {
    return new BronError(400, EduvStatus.SchemaIncorrect, `Schema incorrect: ${detail}`);
  }

  /** 400 / 0011: a path parameter that is not valid percent-encoding, so it cannot be decoded. */
  static malformedPathParameter(name: string): BronError {
    return BronError.schema(`path parameter "${name}" is not valid percent-encoding`);
  }

  /** 413: a request body over the bron's limit (the Fetch helpers and the Node adapter use the same). */
  static bodyTooLarge(limit: number): BronError {
    return new BronError(413, EduvStatus.Other, `request body is larger than ${limit} bytes`);
  }

  static unauthenticated(detail: string): BronError {
    return new BronError(401, EduvStatus.Other, detail);
  }

  static scopeRequired(scopes: readonly string[]): BronError {
    return new BronError(401, EduvStatus.ScopeRequired, `scope required: ${scopes.join(' ')}`);
  }

  /** The operation's refusal of a school the bron does not know (2001 or 0023, see unknownSchoolRefusal). */
  static unknownSchool(operation: Pick<OperationDefinition, 'businessCodes'>, detail = 'the school in the request is not known here'): BronError {
    const refusal = unknownSchoolRefusal(operation);
    return new BronError(refusal.httpStatus, refusal.eduvStatus, `${refusal.message}: ${detail}`);
  }

  static consentRequired(detail = 'the school has not activated this exchange for this client'): BronError {
    return new BronError(403, EduvStatus.ConsentRequired, `consent required: ${detail}`);
  }

  static notFound(status: number, detail: string): BronError {
    return new BronError(404, status, detail);
  }

  /**
   * Edu-V's 405 rule: a party that does not play the providing role of an endpoint answers
   * `405 Method Not Allowed - <role> is provider of this endpoint`.
   */
  static notProvider(providingRole: string): BronError {
    return new BronError(405, EduvStatus.Other, `Method Not Allowed - ${providingRole} is provider of this endpoint`);
  }

  /**
   * A business refusal the operation's spec lists (`x-eduv-business-codes`): the HTTP status and the
   * message prefix come from there, so a bron names only the code. A code the spec does not list for
   * the operation is a programming error, not a refusal.
   */
  static refusal(operation: Pick<OperationDefinition, 'operationId' | 'businessCodes'>, status: number, detail: string): BronError {
    const code = operation.businessCodes.find((entry) => entry.status === status);
    if (!code) throw new Error(`${operation.operationId} lists no business code ${status} in its spec`);
    return new BronError(code.httpStatus, code.status, `${code.message}: ${detail}`);
  }

  static business(status: number, detail: string, httpStatus = 400): BronError {
    return new BronError(httpStatus, status, detail);
  }
}
