import { libraryConfig } from '../../tsup.shared';

export default libraryConfig({ index: 'src/index.ts' }, { external: ['pg'] });
