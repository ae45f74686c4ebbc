import type { ActivationCodeRequest, ActivationCodeRevokeRequest } from '@eduvkit/activationcode';
import { activationCodeConfirmation, activationCodeRevokeConfirmation } from '@eduvkit/activationcode/fixtures';
import type { ExchangeRequest } from '@eduvkit/core/exchange';
import type { ChangeLicenseStatus, EntitlementRequest } from '@eduvkit/entitlement';
import { entitlementConfirmation, licenseStatusConfirmation } from '@eduvkit/entitlement/fixtures';
import { chainDelay, processedNow, type ChainContext } from './chain-context';

/** More codes than this in one request are refused: the mock hands out codes, it does not print them by the million. */
export const MAX_ACTIVATION_CODES = 1_000;

/**
 * The mock as Licentieregistratie for a client that plays the Aanspraakmanager: entitlements it is
 * sent are registered `entitled`, licence status changes are made.
 */
export function licentieregistratie(context: ChainContext) {
  return async (request: ExchangeRequest) => {
    await chainDelay(context);
    const processedAt = context.now();
    if (request.operationId === 'changeLicenseStatus') {
      const body = request.body as ChangeLicenseStatus;
      const known = context.state.entitlements.has(body.entitlementId);
      return licenseStatusConfirmation(body, {
        random: context.random,
        processedAt,
        ...(known ? {} : { refusal: { status: 99, statusMessage: `Entitlement unknown: ${body.entitlementId}` } }),
      });
    }
    const body = request.body as EntitlementRequest;
    const confirmation = entitlementConfirmation(body, { random: context.random, receiver: { role: 'Licentieregistratie' }, processedAt });
    context.state.addEntitlement({ ...body.entitlement, entitlementStatus: confirmation.newEntitlementStatus ?? body.entitlement.entitlementStatus });
    return confirmation;
  };
}

/** The mock as Licentieregistratie handing out activation codes, and revoking codes it handed out that are not used yet. */
export function activationCodeDesk(context: ChainContext) {
  return async (request: ExchangeRequest) => {
    await chainDelay(context);
    const { state, random } = context;
    const processedTimestamp = processedNow(context);
    if (request.operationId === 'revokeActivationCode') {
      const body = request.body as ActivationCodeRevokeRequest;
      const code = state.activationCodes.get(body.activationCode);
      const used = [...state.entitlements.values()].some(({ activations }) =>
        activations.some((activation) => activation.activationCode === body.activationCode),
      );
      const refuse = !code || code.peer !== request.peer || code.revoked || used;
      if (code && !refuse) code.revoked = true;
      return {
        ...activationCodeRevokeConfirmation(random, body, { refuse }),
        processedTimestamp,
        ...(refuse ? { statusMessage: code ? 'Code already used or revoked' : 'Code unknown' } : {}),
      };
    }
    const body = request.body as ActivationCodeRequest;
    const refuse = state.product(body.productId) === undefined || body.quantity > MAX_ACTIVATION_CODES;
    const confirmation = { ...activationCodeConfirmation(random, body, { refuse }), processedTimestamp };
    for (const item of confirmation.activationCodes ?? [])
      state.addActivationCode(typeof item === 'string' ? item : item.activationCode, { productId: body.productId, peer: request.peer, revoked: false });
    return confirmation;
  };
}
