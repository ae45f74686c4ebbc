import { randomUUID } from 'node:crypto';
import { createApiClient, type TokenProvider } from '@eduvkit/core';
import type { DeliveryOrderConfirmation } from '@eduvkit/delivery';
import { entitlementApi, type Entitlement } from '@eduvkit/entitlement';
import type { OrderConfirmation } from '@eduvkit/order';
import { createStudentsClient } from '@eduvkit/students';
import { usageApi, type EntitlementUsage, type InitialActivationConfirmation } from '@eduvkit/usage';
import type { ConfirmationServer } from './confirmation-server';

export interface ClassOrder {
  readonly orgMasterId: string;
  /** The class: every student enrolled in this study offering in this school period. */
  readonly studyOfferingId: string;
  readonly schoolPeriodId: string;
  /** A digital product (ISBN-13) of the supplier's range. */
  readonly productId: string;
  /** The school year the licences run: first day and last day of activation. */
  readonly startDate: string;
  readonly activationUntilDate: string;
}

export interface ChainOptions {
  /** e.g. http://127.0.0.1:4010: the mock plays the school's administration and every chain counterpart. */
  readonly counterpartUrl: string;
  readonly tokenProvider: TokenProvider;
  /** This Bestelomgeving's verzenders, registered with the counterpart. */
  readonly parties: ConfirmationServer;
}

export type ChainStep =
  | { readonly step: 'order'; readonly confirmation: OrderConfirmation }
  | { readonly step: 'delivery'; readonly confirmation: DeliveryOrderConfirmation }
  | { readonly step: 'entitlement'; readonly entitlements: Entitlement[] }
  | { readonly step: 'first use'; readonly confirmation: InitialActivationConfirmation; readonly usage: EntitlementUsage };

/**
 * The whole cycle for one class: read the class (Students API), order one licence per student
 * (Order API), and once the order is approved send the delivery order naming those students
 * (Delivery API); read the entitlement it became (Entitlement API); report the first student's
 * first use (Usage API, as the Licentieregistratie would) and read the licence back. Each step
 * waits for its confirmation at this party's own endpoint. Stops after a declined order.
 */
export async function orderForClass(order: ClassOrder, options: ChainOptions, onStep: (step: ChainStep) => void = () => {}): Promise<ChainStep[]> {
  const steps: ChainStep[] = [];
  const report = (step: ChainStep) => (steps.push(step), onStep(step));
  const { counterpartUrl, tokenProvider, parties } = options;
  const school = { organisationMasterIdentifier: order.orgMasterId };

  const students = createStudentsClient({ baseUrl: `${counterpartUrl}/students-api/v1`, tokenProvider, validation: 'strict' });
  const { data: klas } = await students.listForSchool(
    { orgMasterId: order.orgMasterId },
    { studyOfferingId: order.studyOfferingId, schoolPeriodId: order.schoolPeriodId },
  );
  const learners = klas.flatMap((student) => (student.userMasterIdentifier ? [{ userMasterIdentifier: student.userMasterIdentifier }] : []));
  if (!learners.length) throw new Error(`no students with an ECK iD in ${order.studyOfferingId} at ${order.orgMasterId}`);

  const purchaseOrderId = `PO-${randomUUID().slice(0, 8)}`;
  const ordered = await (await parties.order.send('placeOrder', { purchaseOrderId, productId: order.productId, quantity: learners.length })).confirmation;
  const orderConfirmation = ordered.body as OrderConfirmation;
  report({ step: 'order', confirmation: orderConfirmation });
  if (orderConfirmation.orderStatus !== 'approved') return steps;

  const deliveryOrderId = randomUUID();
  const delivered = await (
    await parties.delivery.send('sendDeliveryOrder', {
      deliveryOrder: {
        deliveryOrderId,
        buyer: { school },
        productId: order.productId,
        deliveryType: 'school-students',
        deliverySpecification: { quantity: learners.length, students: learners },
        startDate: order.startDate,
        activationUntilDate: order.activationUntilDate,
        status: 'ordered',
      },
    })
  ).confirmation;
  report({ step: 'delivery', confirmation: delivered.body as DeliveryOrderConfirmation });

  const entitlementClient = createApiClient(entitlementApi, { baseUrl: `${counterpartUrl}${entitlementApi.basePath}`, tokenProvider, validation: 'strict' });
  const { data: entitlements } = await entitlementClient.call('listEntitlementsForDeliveryOrder', { path: { id: deliveryOrderId } });
  report({ step: 'entitlement', entitlements: [...entitlements] });
  const entitlement = entitlements[0];
  if (!entitlement) return steps;

  const firstUse = await (
    await parties.usage.send('reportInitialActivation', {
      entitlementId: entitlement.entitlementId,
      productId: entitlement.productId,
      entitlementType: entitlement.entitlementType,
      school,
      user: learners[0]!,
      usageDate: new Date().toISOString().slice(0, 10),
    })
  ).confirmation;
  const usageClient = createApiClient(usageApi, { baseUrl: `${counterpartUrl}${usageApi.basePath}`, tokenProvider, validation: 'strict' });
  const { data: usage } = await usageClient.call('getEntitlementUsage', { path: { id: entitlement.entitlementId } });
  report({ step: 'first use', confirmation: firstUse.body as InitialActivationConfirmation, usage });
  return steps;
}
