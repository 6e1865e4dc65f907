// Lint is where the layer rules live: a rule here fails `npm test`, a rule in a document does not.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'url', 'util', 'stream', 'events', 'worker_threads', 'http', 'https', 'net'];

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'coverage/**', 'test-results/**', 'playwright-report/**', 'tests/artifacts/**', 'resources/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict(
      ['react', 'react-dom', 'react/*', 'electron', 'electron/*', '@xyflow/*', '@mantine/*', 'zustand', 'zustand/*', ...nodeBuiltins, '**/renderer/**', '**/electron/**'],
      'shared/ is pure TypeScript: no React, Electron, Node or other layers.',
    ),
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(['electron', 'electron/*', ...nodeBuiltins, '**/electron/**'], 'renderer/ reaches the OS only through renderer/platform (the typed API client).'),
      'no-restricted-globals': ['error', { name: 'require', message: 'No require in the renderer.' }, { name: 'process', message: 'No Node globals in the renderer.' }],
    },
  },
  {
    // Only the platform folder may touch the object the preload exposes.
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/src/platform/**'],
    rules: {
      'no-restricted-properties': ['error', { object: 'window', property: 'plp', message: 'Use the typed client in renderer/src/platform.' }],
    },
  },
  {
    // Services and the CLI run in plain Node (tests, CLI): they must not need Electron.
    files: ['electron/services/**/*.ts', 'electron/cli/**/*.ts'],
    rules: restrict(['electron', 'electron/*', '**/renderer/**', '**/main/**', '**/preload/**'], 'Services and the CLI run in plain Node: no Electron, no main/preload code.'),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: restrict([...nodeBuiltins, '**/renderer/**', '**/main/**', '**/services/**'], 'The preload only bridges: electron and shared/ipc.'),
  },
  {
    // Plain-Node scripts (bin, scripts/, configs).
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: {
      globals: Object.fromEntries(['process', 'console', 'Buffer', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'URL', 'fetch'].map((name) => [name, 'readonly'])),
    },
  },
  {
    files: ['tests/**/*.ts', 'tests/**/*.tsx', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
