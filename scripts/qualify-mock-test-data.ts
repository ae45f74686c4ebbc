/** Consent's PUT exchanges depend on what both sides hold: test data that fits the mock's seeded state. */
export function consentTestData(_school: string): Record<string, unknown> {
  return {};
}
