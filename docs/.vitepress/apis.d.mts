export interface ReferenceApi {
  slug: string;
  name: string;
  title: string;
  version: string;
}
export const REFERENCE_APIS: ReferenceApi[];
