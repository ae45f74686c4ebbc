import { libraryConfig } from '../../tsup.shared';

export default libraryConfig(
  {
    index: 'src/index.ts',
    'server/index': 'src/server/index.ts',
    'server/node/index': 'src/server/node/index.ts',
    'exchange/index': 'src/exchange/index.ts',
    'exchange/verify/index': 'src/exchange/verify/index.ts',
    'msw/index': 'src/msw/index.ts',
    'fixtures/index': 'src/fixtures/index.ts',
  },
  { external: ['msw'] },
);
