import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/src/generated/**', 'bench/.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  // Type-aware rules: each file is checked against the tsconfig.json nearest to it. Every package
  // lints only its own tree (`eslint src test`, run per package by turbo), so one process holds one
  // package's program; linting the whole tree in a single process ran out of memory.
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
    },
  },
  // Type tests (*.test-d.ts) are compiled, never run: a call there only has its type checked.
  { files: ['**/*.test-d.ts'], rules: { '@typescript-eslint/no-floating-promises': 'off' } },
  { files: ['examples/**', 'bench/**', 'scripts/**'], rules: { 'no-console': 'off' } },
);
