// `npm run test:faults`: the crash test (kill -9 during writes, 100 cycles) and the channel fuzz
// (10,000 malformed payloads) at the full size issue 7 asks for; `npm test` runs both smaller.
// Each prints its counts. Exit status is vitest's.
import { spawnSync } from 'node:child_process';

const result = spawnSync(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', 'test/integration/crash-kill9.test.ts', 'test/integration/channel-fuzz.test.ts', '--reporter', 'verbose', '--testTimeout', '1800000'],
  { stdio: 'inherit', env: { ...process.env, SONAR_FAULT_SIZE: 'full' } },
);
process.exitCode = result.status ?? 1;
