// ESLint for a6kit: typescript-eslint's type-checked rules over every TypeScript file the project
// compiles (tsconfig.json), plus the import boundaries between the parts (ARCHITECTURE.md).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Files a generator writes. They are committed, marked as generated in their first lines, and
// `npm run gen:check` compares them byte for byte with a fresh run: the generator decides their
// text, so no linter or formatter may judge or rewrite them. Keep in step with .prettierignore.
const GENERATED = [
  'runtime/protocol/**', // `a6kit gen protocol` from schema/ext-plugin.fbs
  'test/fbs/cases/*/expected/**', // golden output of the .fbs compiler
  '**/*.gen.*', // `a6kit gen` from each plugin's schema.json
];

export default defineConfig(
  {
    ignores: [
      ...GENERATED,
      '**/node_modules/**',
      '**/dist/**',
      '**/.tmp/**',
      'coverage/**',
      // Handlebars sources of scaffolded files, not TypeScript: the scaffolding tests type-check what they
      // produce, and examples/ (linted) is a project of that shape.
      'templates/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    rules: {
      // Intentional no-op callbacks (an ignored 'error' event, a stub logger, a promise whose rejection is
      // handled elsewhere) are written `() => {}`; empty functions and methods of any other kind still fail.
      '@typescript-eslint/no-empty-function': ['error', { allow: ['arrowFunctions'] }],
      // JSON documents (schemas, configs) are typed as index signatures; their keys are read with brackets
      // (`node['$ref']`), saying "a key of data", the convention of TypeScript's noPropertyAccessFromIndexSignature.
      '@typescript-eslint/dot-notation': ['error', { allowIndexSignaturePropertyAccess: true }],
      // A variable that a handler closes over before its value exists stays `let` (runtime/main.ts installs
      // the SIGTERM handler before the runner starts): a const would need the value first.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    // Test and bench drivers that read and build buffers through *generated* classes (ours and flatc's)
    // by method names computed from the schema model, i.e. by reflection over modules loaded at run time:
    // there is no static type to check these calls against, so `any` is their honest type here.
    files: [
      'test/fbs/support/flyweight.ts',
      'test/fbs/roundtrip.test.ts',
      'test/fbs/verify.test.ts',
      'bench/codec.bench.ts',
    ],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // The codec bench recompiles each contestant from its source text (`new Function`) so that no two
    // share the JIT's type feedback; that is the measurement's method, not an eval of outside input.
    files: ['bench/codec.bench.ts'],
    rules: { '@typescript-eslint/no-implied-eval': 'off' },
  },
  {
    // Plain JavaScript (this file, the bin shim): no type information, run by Node.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    // The runtime is what a user's runner bundles and ships: it must stand alone, never pulling in
    // the compiler, the CLI or the scaffolding templates (ARCHITECTURE.md, "Rules that hold across the parts").
    files: ['runtime/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/cli/**', '**/generator/**', '**/templates/**'],
              message: 'runtime/ must not import cli/, generator/ or templates/: the runner is bundled on its own.',
            },
          ],
        },
      ],
      // Node's global `performance` is a lazy accessor on globalThis: every read in a hot path runs a
      // getter (a LoadGlobalIC miss). `import { performance } from 'node:perf_hooks'` is a plain binding.
      'no-restricted-globals': [
        'error',
        { name: 'performance', message: "import { performance } from 'node:perf_hooks' (the global is a getter)." },
      ],
    },
  },
);
