import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const IO_MODULES = [
  'fs',
  'node:fs',
  'fs/promises',
  'node:fs/promises',
  'net',
  'node:net',
  'http',
  'node:http',
  'https',
  'node:https',
  'child_process',
  'node:child_process',
  'crypto',
  'node:crypto',
  'os',
  'node:os',
  'path',
  'node:path',
  'express',
  'socket.io',
  'socket.io-client',
  'better-sqlite3',
];

const E2E = ['**/e2e/**', '**/e2e'];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'data/**', 'e2e/artifacts/**', '**/*.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Type-aware rules: every TypeScript file is checked against the tsconfig that owns it.
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.ts', 'bench/*.ts'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // An async handler on a JSX attribute (onClick={async () => …}) is fine: React ignores the result.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // A switch over a union without a `default` names every member.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The server never reaches into the browser tests; its test kit lives in server/src/testing.
    files: ['server/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: E2E, message: "The server's test kit is server/src/testing; e2e/ builds on it, not the reverse." }] },
      ],
    },
  },
  {
    // Records are printed from the store's state: they know nothing of the demo seeder or the transport.
    files: ['server/src/records/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: E2E, message: "The server's test kit is server/src/testing." },
            {
              group: ['**/seed/**', '**/seed', '**/transport/**', '**/transport'],
              message: 'records must not depend on the seeder or the transport (fonts: records/fonts.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    // The seeder drives the engine like any client: it does not depend on the transport.
    files: ['server/src/seed/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: E2E, message: "The server's test kit is server/src/testing." },
            { group: ['**/transport/**', '**/transport'], message: 'seed must not depend on the transport.' },
          ],
        },
      ],
    },
  },
  {
    // The domain core is pure: rules of sessions, votes and majorities as plain functions. No I/O, no clock.
    files: ['server/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: IO_MODULES.map((name) => ({ name, message: 'server/src/domain must stay free of I/O.' })),
          patterns: [
            {
              group: [
                '**/storage/**',
                '**/transport/**',
                '**/records/**',
                '**/seed/**',
                '**/mail/**',
                '**/portal/**',
                '**/engine',
                '**/app',
                '**/main',
                ...E2E,
              ],
              message: 'domain must not depend on outer layers.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Date', message: 'The clock comes in as an argument.' },
        { name: 'setTimeout', message: 'No timers in the domain.' },
        { name: 'setInterval', message: 'No timers in the domain.' },
        { name: 'fetch', message: 'No I/O in the domain.' },
        { name: 'process', message: 'No process access in the domain.' },
      ],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Ids come in as an argument.' }],
    },
  },
  {
    // The rules of hooks and React's other rules (the plugin's recommended set) in the three apps and the shared UI.
    files: ['ui/**/*.{ts,tsx}', 'chair-console/**/*.{ts,tsx}', 'delegate-client/**/*.{ts,tsx}', 'display-screen/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    // Browser apps and the protocol never reach into the server.
    files: ['protocol/**/*.{ts,tsx}', 'ui/**/*.{ts,tsx}', 'chair-console/**/*.{ts,tsx}', 'delegate-client/**/*.{ts,tsx}', 'display-screen/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/server/**', '@hddt/server', '@hddt/server/*'], message: 'Clients talk to the server through @hddt/protocol only.' }] },
      ],
    },
  },
  {
    // The tablet and the display never validate: their bundles must not carry zod (the console does, for its forms).
    files: ['ui/**/*.{ts,tsx}', 'delegate-client/**/*.{ts,tsx}', 'display-screen/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'zod', message: 'The tablet and the display carry no zod.' },
            { name: '@hddt/protocol/schemas', message: 'The tablet and the display carry no zod: import types from @hddt/protocol.' },
          ],
          patterns: [{ group: ['**/server/**', '@hddt/server', '@hddt/server/*'], message: 'Clients talk to the server through @hddt/protocol only.' }],
        },
      ],
    },
  },
);
