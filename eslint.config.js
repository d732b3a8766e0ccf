import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'coverage/**', 'src/workbench/api/schema.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-imports': 'off',
    },
  },
  {
    files: ['src/server/db/migrations/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The platform never imports a module.
    files: ['src/server/platform/**/*.ts', 'src/server/platform/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/modules/**'], message: 'The platform must not import modules.' }] }],
    },
  },
  // Modules meet only through each other's index.ts. From a file at depth N in a module (1: the
  // module's folder itself), `../` × N reaches modules/, so `../` × N + `<other>/<not index.js>` is
  // another module's inside; fewer `../` stay within the module.
  ...[1, 2, 3].map((depth) => ({
    files: [`src/server/modules/*/${'*/'.repeat(depth - 1)}*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: `^${'\\.\\./'.repeat(depth)}(?!\\.)[^/]+/(?!index\\.js$).+`, message: 'Import another module only through its index.js.' },
          ],
        },
      ],
    },
  })),
  {
    // The workbench imports only shared contracts, never server code.
    files: ['src/workbench/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**'], message: 'The workbench imports only src/shared.' }] }],
    },
  },
);
