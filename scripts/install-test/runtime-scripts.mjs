// The ESM and CJS scripts that load every entry point from the installed tarballs and run its
// check from checks.cjs.
const isJson = (specifier) => specifier.endsWith('.json');

export function esmScript(specifiers) {
  const imports = specifiers.map((specifier, index) =>
    isJson(specifier) ? `import * as m${index} from '${specifier}' with { type: 'json' };` : `import * as m${index} from '${specifier}';`,
  );
  return `${imports.join('\n')}
import checks from './checks.cjs';
const core = m${specifiers.indexOf('@eduvkit/core')};
const modules = { ${specifiers.map((specifier, index) => `'${specifier}': m${index}`).join(', ')} };
${runChecks('esm')}`;
}

export function cjsScript(specifiers) {
  return `const checks = require('./checks.cjs');
const core = require('@eduvkit/core');
const modules = { ${specifiers.map((specifier) => `'${specifier}': require('${specifier}')`).join(', ')} };
${runChecks('cjs')}`;
}

function runChecks(kind) {
  return `const failed = [];
for (const [specifier, m] of Object.entries(modules)) {
  const check = checks[specifier];
  if (!check) failed.push(specifier + ': no check in checks.cjs');
  else if (check(m, core) !== true) failed.push(specifier + ': check returned false');
}
if (failed.length) { console.error('${kind}: ' + failed.join('\\n')); process.exit(1); }
console.log('${kind}: ' + Object.keys(modules).length + ' entry points loaded and called');
process.exit(0);
`;
}
