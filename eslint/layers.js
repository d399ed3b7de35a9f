// Who may import whom: the layer table as data (README "Architecture in brief"). The lint rule in
// layer-rule.js checks every import against it; the per-folder tsconfig references give the
// compiler a second, independent check.
//
// `folders`: project folders a layer may import from (relative imports are resolved first).
// `packages`: bare package names (or prefixes ending in '/') it may import. `node:` builtins are
// allowed only where `node` is true. `typeOnly`: folders that may be imported with `import type` only.

export const layers = {
  domain: { folders: ['domain'], packages: ['zod', 'date-fns', '@date-fns/tz', 'double-metaphone', 'fastest-levenshtein'], node: false },
  contract: { folders: ['domain', 'contract'], packages: ['zod'], node: false },
  db: {
    folders: ['domain', 'contract', 'db'],
    packages: ['drizzle-orm', 'drizzle-orm/', 'better-sqlite3-multiple-ciphers', 'better-sqlite3', 'uuid', 'zod'],
    node: true,
  },
  main: {
    folders: ['domain', 'contract', 'db', 'main'],
    packages: ['@node-rs/argon2', 'uuid', 'zod', 'drizzle-orm', 'drizzle-orm/', 'date-fns', '@peculiar/x509', 'reflect-metadata', 'pdfkit'],
    node: true,
  },
  // The central record: a separate service. It shares only the pure domain and the contract with the
  // site app, never its database layer or back end.
  central: {
    folders: ['domain', 'contract', 'central'],
    packages: ['fastify', 'drizzle-orm', 'drizzle-orm/', 'drizzle-kit', 'pg', '@electric-sql/pglite', '@electric-sql/pglite/', '@peculiar/x509', 'reflect-metadata', 'zod', 'uuid', 'pkijs', 'asn1js'],
    node: true,
  },
  // electron may be imported only inside main/electron (checked by `electronOnlyIn` below).
  preload: { folders: ['contract', 'preload'], packages: ['electron'], node: false },
  renderer: {
    folders: ['domain', 'contract', 'renderer'],
    packages: ['react', 'react/', 'react-dom', 'react-dom/', 'zustand', 'zustand/', 'date-fns', 'nhsuk-frontend/', 'zod', '@tanstack/react-query', 'recharts'],
    node: false,
    typeOnly: ['preload'],
  },
};

export const electronOnlyIn = ['main/electron/', 'preload/'];
