import { libraryConfig } from '../../tsup.shared';

export default libraryConfig({ index: 'src/index.ts', 'msw/index': 'src/msw/index.ts', 'fixtures/index': 'src/fixtures/index.ts' }, { external: ['msw'] });
