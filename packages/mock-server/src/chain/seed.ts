import type { FixtureSchool } from '@eduvkit/core/fixtures';
import { deliveryOrder } from '@eduvkit/delivery/fixtures';
import { initialActivation } from '@eduvkit/usage/fixtures';
import type { StudentRecord } from '@eduvkit/students/fixtures';
import { entitlementOf } from './aanspraakmanager';
import type { ChainContext } from './chain-context';

/** Students of a seeded delivery order: a class's worth, named by ECK iD. */
const SEEDED_STUDENTS = 5;

/**
 * What the chain holds before anyone sent anything, so every read has something to show: per school,
 * one delivery order of a digital product for some of its students (under a contract), its
 * entitlement registered and in the portal, and the first student's first use (licensed).
 */
export function seedChain(context: ChainContext, schools: readonly FixtureSchool[], students: ReadonlyMap<string, readonly StudentRecord[]>): void {
  const { state, random } = context;
  const digital = state.products.filter((product) => product.type === 'digital');
  schools.forEach((school, index) => {
    const product = digital[index % digital.length]!;
    const eckIds = (students.get(school.orgMasterId) ?? []).flatMap(({ student }) => (student.userMasterIdentifier ? [student.userMasterIdentifier] : [])).slice(0, SEEDED_STUDENTS);
    const order = {
      ...deliveryOrder(random, { productId: product.productId, school, deliveryType: 'school-students', quantity: SEEDED_STUDENTS }),
      contractId: `CT-${school.orgMasterId}`,
      deliverySpecification: { quantity: SEEDED_STUDENTS, students: eckIds.map((userMasterIdentifier) => ({ userMasterIdentifier })) },
      status: 'licensed' as const,
    };
    const record = state.addEntitlement({ ...entitlementOf(context, order), entitlementStatus: 'licensed' });
    record.urlStatus = 'processed';
    state.addDeliveryOrder({ peer: '', deliveryOrder: order, entitlementIds: [record.entitlement.entitlementId] });
    if (eckIds[0]) record.activations.push(initialActivation(random, { entitlement: record.entitlement, user: { userMasterIdentifier: eckIds[0] } }));
  });
}
