// The import table is enforced as lint errors (eslint/layers.js). These cases
// are the ones the foundation issue names, plus the other edges of the table.
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'sonar/layers').map((m) => m.message);
}

describe('layer rules', () => {
  it.each([
    ['domain/bad.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;"],
    ['domain/bad.ts', "import fs from 'fs';\nexport const x = fs;"],
    ['domain/bad.ts', "import { openStore } from '../db/open';\nexport const x = openStore;"],
    ['domain/bad.ts', "import React from 'react';\nexport const x = React;"],
    ['contract/bad.ts', "import { openStore } from '../db/open';\nexport const x = openStore;"],
    ['renderer/bad.ts', "import { openStore } from '../db/open';\nexport const x = openStore;"],
    ['renderer/bad.ts', "import { createRouter } from '../main/rpc/router';\nexport const x = createRouter;"],
    ['renderer/bad.ts', "import { join } from 'node:path';\nexport const x = join;"],
    ['main/rpc/bad.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['preload/bad.ts', "import { z } from 'zod';\nexport const x = z;"],
    ['db/bad.ts', "import { createRouter } from '../main/rpc/router';\nexport const x = createRouter;"],
    // The central record shares only domain/ and contract/ with the site app.
    ['central/bad.ts', "import { openStore } from '../db/open';\nexport const x = openStore;"],
    ['central/push/bad.ts', "import { createRouter } from '../../main/rpc/router';\nexport const x = createRouter;"],
    ['central/bad.ts', "import Database from 'better-sqlite3-multiple-ciphers';\nexport const x = Database;"],
    ['central/bad.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['main/bad.ts', "import { openCentralStore } from '../central/db/open';\nexport const x = openCentralStore;"],
    ['contract/bad.ts', "import { startCentral } from '../central/app/start-central';\nexport const x = startCentral;"],
  ])('%s: refuses %s', async (file, code) => {
    expect(await layerErrors(file, code)).toHaveLength(1);
  });

  it.each([
    ['domain/ok.ts', "import { z } from 'zod';\nimport { format } from 'date-fns';\nexport const x = [z, format];"],
    ['contract/ok.ts', "import { checkNhsNumber } from '../domain/identifiers/nhs-number';\nexport const x = checkNhsNumber;"],
    ['renderer/ok.ts', "import type { SonarBridge } from '../preload/api';\nexport type X = SonarBridge;"],
    ['main/electron/ok.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['db/ok.ts', "import { join } from 'node:path';\nexport const x = join;"],
    [
      'central/ok.ts',
      "import Fastify from 'fastify';\nimport { PGlite } from '@electric-sql/pglite';\nimport { sql } from 'drizzle-orm';\nimport https from 'node:https';\nimport { decideDisclosure } from '../domain/access/disclosure';\nimport { pullPageSchema } from '../contract/sync/wire';\nexport const x = [Fastify, PGlite, sql, https, decideDisclosure, pullPageSchema];",
    ],
  ])('%s: allows %s', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });

  it('refuses a value import of the preload in the renderer (type-only is the rule)', async () => {
    expect(await layerErrors('renderer/bad.ts', "import { x } from '../preload/api';\nexport const y = x;")).toHaveLength(1);
  });
});
