import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: ['./db/schema.ts', './db/schema-clinical.ts', './db/schema-access.ts', './db/schema-sync.ts'],
  out: './db/migrations',
});
