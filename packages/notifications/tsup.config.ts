import { libraryConfig } from '../../tsup.shared';

export default libraryConfig({ index: 'src/index.ts', 'msw/index': 'src/msw/index.ts', 'verify/index': 'src/producer/verify/index.ts' }, { external: ['msw'] });
