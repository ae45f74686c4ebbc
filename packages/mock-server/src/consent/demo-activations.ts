import type { ApiRegistry } from '@eduvkit/core';
import type { RegisteredClient } from '../auth/client-registry';
import type { MockWorld } from '../world';
import type { ConsentStore } from '@eduvkit/consent';

/**
 * The activations a fresh mock starts with, so both outcomes can be tried at once: the demo
 * ordering environment and the demo learning environment (Gebruiksomgeving) are active at every
 * school, the demo test system at the first school only.
 */
export const DEMO_ACTIVATIONS: Readonly<Record<string, 'all' | 'first'>> = {
  'demo-bestelomgeving': 'all',
  'demo-toetssysteem': 'first',
  'demo-gebruiksomgeving': 'all',
};

export function seedDemoActivations(consent: ConsentStore, world: MockWorld, clients: readonly RegisteredClient[], registries: readonly ApiRegistry[]): void {
  for (const client of clients) {
    const reach = DEMO_ACTIVATIONS[client.clientId];
    if (!reach) continue;
    const schools = reach === 'all' ? world.schools : world.schools.slice(0, 1);
    for (const registry of registries.filter((candidate) => candidate.consentRequired && candidate.roles.calling.includes(client.role))) {
      for (const school of schools) consent.activate({ clientId: client.clientId, orgMasterId: school.orgMasterId, api: registry.api });
    }
  }
}
