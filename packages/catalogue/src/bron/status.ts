/**
 * Business status codes of the Catalogue bron. Edu-V publishes none for the chain APIs; eduvkit
 * numbers the chain's unknown objects from 2020 (docs/decisions/020-chain-status-codes.md).
 */
export const CatalogueStatus = {
  ProductUnknown: 2020,
} as const;
