import { z } from 'zod';
import { defineApi } from '../../src/registry';
import { operation } from './typed-api';

const orderLine = z.object({ productId: z.string().min(1), quantity: z.number().int().positive() });

/**
 * An Order-like API built by hand for the exchange tests: placeOrder (verzender → ontvanger) and
 * the confirmOrder that answers it, with the exchange facts codegen emits from x-eduvkit-exchange,
 * plus a GET source of the ontvanger's role.
 */
export const orderApi = defineApi({
  api: 'order-api',
  title: 'Order (test)',
  version: '0.9.2',
  major: 0,
  basePath: '/order-api/v0',
  roles: { implementing: 'Ordersysteem', calling: ['Bestelomgeving'] },
  consentRequired: false,
  scopes: [],
  operations: {
    placeOrder: operation({
      operationId: 'placeOrder',
      method: 'PUT',
      path: '/orders',
      interaction: 'push-async',
      scopes: [],
      body: z.object({ requestReferenceId: z.string().min(1), school: z.string().min(1), orderLines: z.array(orderLine).min(1) }),
      bodyRequired: true,
      requiredBodyFields: ['requestReferenceId', 'school', 'orderLines'],
      successStatus: 202,
      responses: { 202: undefined },
      exchange: { message: 'request', reference: 'requestReferenceId', pair: 'confirmOrder' },
    }),
    confirmOrder: operation({
      operationId: 'confirmOrder',
      method: 'PUT',
      path: '/orders/confirmations',
      interaction: 'push-async',
      scopes: [],
      implementedBy: 'Bestelomgeving',
      body: z.object({
        requestReferenceId: z.string().min(1),
        responseReferenceId: z.string().min(1),
        processedTimestamp: z.iso.datetime(),
        orderStatus: z.enum(['pending', 'approved', 'declined']),
      }),
      bodyRequired: true,
      requiredBodyFields: ['requestReferenceId', 'responseReferenceId', 'processedTimestamp', 'orderStatus'],
      successStatus: 202,
      responses: { 202: undefined },
      exchange: {
        message: 'confirmation',
        reference: 'requestReferenceId',
        receipt: 'responseReferenceId',
        processedAt: 'processedTimestamp',
        pair: 'placeOrder',
      },
    }),
    getOrderStatus: operation({ operationId: 'getOrderStatus', path: '/orders/status', scopes: [], responses: { 200: z.object({ open: z.number() }) } }),
  },
});

export const anOrder = (extra: Record<string, unknown> = {}) => ({ school: 'school-1', orderLines: [{ productId: '9789034567897', quantity: 25 }], ...extra });
