import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { layerRule } from './eslint/layer-rule.js';

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', '.tsbuild/', 'test-results/', 'playwright-report/', 'reports/', 'db/migrations/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
    plugins: { sonar: { rules: { layers: layerRule } } },
    rules: {
      'sonar/layers': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // TLS verification can never be turned off.
    files: ['**/*.{ts,tsx,js,mjs}'],
    ignores: ['test/fixtures/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "Property[key.name='rejectUnauthorized'][value.value=false]",
          message: 'TLS verification may not be disabled.',
        },
        {
          selector: "Literal[value='NODE_TLS_REJECT_UNAUTHORIZED']",
          message: 'TLS verification may not be disabled.',
        },
      ],
    },
  },
);
