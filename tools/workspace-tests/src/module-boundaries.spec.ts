import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';

/**
 * The module boundaries are enforced by lint (eslint.config.mjs). This test writes small source files
 * into real projects, runs the ESLint CLI on them once, and expects every forbidden import to fail and
 * every allowed one to pass. The files are removed afterwards.
 */
const root = resolve(__dirname, '../../..');

interface Case {
  name: string;
  file: string;
  code: string;
  expect: 'error' | 'clean';
}

const cases: Case[] = [
  {
    name: 'web app → API library',
    file: 'apps/web/src/app',
    code: "import { CouncilService } from '@kengash/api-council';\nexport const x = CouncilService;\n",
    expect: 'error',
  },
  {
    name: 'browser code → @nestjs/common',
    file: 'libs/web/council/feature/src/lib',
    code: "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n",
    expect: 'error',
  },
  {
    name: 'browser code → typeorm',
    file: 'libs/web/council/data-access/src/lib',
    code: "import { DataSource } from 'typeorm';\nexport const x = DataSource;\n",
    expect: 'error',
  },
  {
    name: 'browser code → pg',
    file: 'apps/web/src/app',
    code: "import { Client } from 'pg';\nexport const x = Client;\n",
    expect: 'error',
  },
  {
    name: 'API → Angular',
    file: 'libs/api/council/src/lib',
    code: "import { Component } from '@angular/core';\nexport const x = Component;\n",
    expect: 'error',
  },
  {
    name: 'contracts → Nest',
    file: 'libs/shared/contracts/src/lib',
    code: "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n",
    expect: 'error',
  },
  {
    name: 'contracts → API core',
    file: 'libs/shared/contracts/src/lib',
    code: "import { CoreModule } from '@kengash/api-core';\nexport const x = CoreModule;\n",
    expect: 'error',
  },
  {
    name: 'data-access → feature',
    file: 'libs/web/council/data-access/src/lib',
    code: "import * as f from '@kengash/web-council-feature';\nexport const x = f;\n",
    expect: 'error',
  },
  {
    name: 'web app → contracts (allowed)',
    file: 'apps/web/src/app',
    code: "import { ErrorCode } from '@kengash/contracts';\nexport const x = ErrorCode.NotFound;\n",
    expect: 'clean',
  },
  {
    name: 'API domain → API core (allowed)',
    file: 'libs/api/council/src/lib',
    code: "import { DomainException } from '@kengash/api-core';\nexport const x = DomainException;\n",
    expect: 'clean',
  },
];

interface EslintResult {
  filePath: string;
  messages: { ruleId: string | null; severity: number; message: string }[];
}

describe('module boundaries (nx lint)', () => {
  const files = cases.map((c, i) => resolve(root, c.file, `boundary-check-${i}.ts`));
  let results: Map<string, EslintResult>;

  beforeAll(() => {
    try {
      cases.forEach((c, i) => writeFileSync(files[i], c.code));
      let out: string;
      try {
        out = execFileSync(
          resolve(root, 'node_modules/.bin/eslint'),
          ['--format', 'json', ...files.map((f) => relative(root, f))],
          {
            cwd: root,
            encoding: 'utf8',
            env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
            maxBuffer: 16 * 1024 * 1024,
          },
        );
      } catch (e) {
        out = (e as { stdout: string }).stdout; // eslint exits 1 when it found errors: that is the point
      }
      results = new Map((JSON.parse(out) as EslintResult[]).map((r) => [r.filePath, r]));
    } finally {
      files.forEach((f) => rmSync(f, { force: true }));
    }
  }, 180_000);

  it.each(cases.map((c, i) => [c.name, i] as const))('%s', (_name, i) => {
    const result = results.get(files[i]);
    expect(result).toBeDefined();
    const boundary = (result?.messages ?? []).filter(
      (m) => m.ruleId === '@nx/enforce-module-boundaries' && m.severity === 2,
    );
    if (cases[i].expect === 'error') expect(boundary.length).toBeGreaterThan(0);
    else expect(result?.messages ?? []).toEqual([]);
  });
});
