// drizzle-kit for the central record's PostgreSQL schema: `npm run central:db:generate`.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './central/db/schema.ts',
  out: './central/migrations',
});
