import { libraryConfig } from '../../tsup.shared';

// shims: the CJS build needs import.meta.url to find the demo client registry.
export default libraryConfig({ index: 'src/index.ts' }, { shims: true });
