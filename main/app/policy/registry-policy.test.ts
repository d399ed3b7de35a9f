// The registry policy read through reg.exe's output: the runner is faked (this runs on Linux),
// everything from reg.exe's text onwards is the code Windows runs.
import { describe, expect, it } from 'vitest';
import { POLICY_KEY, parseRegQueryOutput, readRegistryPolicy, type RegResult, type RegRunner } from './registry-policy';

// As reg.exe prints it on Windows 10/11: a blank line, the key, four-space columns, CRLF.
const OUTPUT = [
  '',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\SONAR',
  '    (Default)    REG_SZ    (value not set)',
  '    siteCode    REG_SZ    HMPLEEDS',
  '    siteName    REG_SZ    HMP Leeds   Healthcare',
  '    siteType    REG_SZ    prison',
  '    idleLockMinutes    REG_DWORD    0xa',
  '    syncEnabled    REG_DWORD    0x1',
  '    caBundle    REG_EXPAND_SZ    %ProgramData%\\SONAR\\region-ca.pem',
  '    templates    REG_MULTI_SZ    C:\\SONAR\\a.json\\0C:\\SONAR\\b.json',
  '    codeLists    REG_MULTI_SZ    ',
  '',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\SONAR\\Later',
  '',
].join('\r\n');

function runner(answers: Record<string, RegResult>): RegRunner & { calls: string[][] } {
  const calls: string[][] = [];
  const run = ((args: readonly string[]) => {
    calls.push([...args]);
    const answer = answers[args[1]!];
    if (!answer) throw new Error(`unexpected reg.exe ${args.join(' ')}`);
    return answer;
  }) as RegRunner & { calls: string[][] };
  run.calls = calls;
  return run;
}

const ok = (stdout: string): RegResult => ({ status: 0, stdout, stderr: '' });
const notFound: RegResult = { status: 1, stdout: '', stderr: 'ERROR: The system was unable to find the specified registry key or value.\r\n' };
const env = { ProgramData: 'C:\\ProgramData' };

describe('reg query output', () => {
  it('parses values, skipping the default value and subkeys, keeping spaces inside data', () => {
    const values = parseRegQueryOutput(OUTPUT);
    expect(values.map((v) => v.name)).toEqual(['siteCode', 'siteName', 'siteType', 'idleLockMinutes', 'syncEnabled', 'caBundle', 'templates', 'codeLists']);
    expect(values.find((v) => v.name === 'siteName')?.data).toBe('HMP Leeds   Healthcare');
  });
});

describe('readRegistryPolicy', () => {
  it('turns each registry type into the setting it holds', () => {
    const layer = readRegistryPolicy(runner({ [POLICY_KEY]: ok(OUTPUT) }), env);
    expect(layer?.source).toEqual({ kind: 'registry', name: POLICY_KEY });
    expect(layer?.values).toEqual({
      siteCode: 'HMPLEEDS',
      siteName: 'HMP Leeds   Healthcare',
      siteType: 'prison',
      idleLockMinutes: 10,
      syncEnabled: true,
      caBundle: 'C:\\ProgramData\\SONAR\\region-ca.pem',
      templates: ['C:\\SONAR\\a.json', 'C:\\SONAR\\b.json'],
      codeLists: [],
    });
  });

  it('queries the 64-bit view, so a 32-bit process reads the same key Group Policy wrote', () => {
    const run = runner({ [POLICY_KEY]: ok(OUTPUT) });
    readRegistryPolicy(run, env);
    expect(run.calls[0]).toEqual(['query', POLICY_KEY, '/reg:64']);
  });

  it('is absent only when the Policies key is listed without SONAR under it', () => {
    const parent = ok('\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\r\n');
    expect(readRegistryPolicy(runner({ [POLICY_KEY]: notFound, 'HKLM\\SOFTWARE\\Policies': parent }), env)).toBeNull();
  });

  it('fails closed when the key exists but cannot be read (a translated message, access denied, reg.exe blocked)', () => {
    const parent = ok('\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\SONAR\r\n');
    const denied: RegResult = { status: 1, stdout: '', stderr: 'ERROR: Access is denied.' };
    expect(() => readRegistryPolicy(runner({ [POLICY_KEY]: denied, 'HKLM\\SOFTWARE\\Policies': parent }), env)).toThrow(/could not be read \(ERROR: Access is denied\.\)/);
    const blocked = { status: 1, stdout: '', stderr: 'ERROR: Registry editing has been disabled by your administrator.' };
    expect(() => readRegistryPolicy(runner({ [POLICY_KEY]: blocked, 'HKLM\\SOFTWARE\\Policies': blocked }), env)).toThrow(/will not start without knowing its site policy/);
    const missingExe: RegResult = { status: null, stdout: '', stderr: '', error: new Error('spawnSync reg.exe ENOENT') };
    expect(() => readRegistryPolicy(runner({ [POLICY_KEY]: missingExe }), env)).toThrow(/ENOENT/);
  });

  it('names the value and the type it must have when a value has the wrong type', () => {
    const asText = ok(`\r\n${'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\SONAR'}\r\n    syncEnabled    REG_SZ    1\r\n`);
    expect(() => readRegistryPolicy(runner({ [POLICY_KEY]: asText }), env)).toThrow(
      'The site policy value HKLM\\SOFTWARE\\Policies\\SONAR\\syncEnabled must be REG_DWORD (0 or 1), not REG_SZ.',
    );
    const two = ok('\r\n    demo    REG_DWORD    0x2\r\n');
    expect(() => readRegistryPolicy(runner({ [POLICY_KEY]: two }), env)).toThrow(/demo must be REG_DWORD \(0 or 1\)/);
    const list = ok('\r\n    templates    REG_SZ    C:\\a.json\r\n');
    expect(() => readRegistryPolicy(runner({ [POLICY_KEY]: list }), env)).toThrow(/templates must be REG_MULTI_SZ/);
  });

  it('names a bad value, an out-of-range number and an unknown setting, all at once', () => {
    const bad = ok('\r\n    siteCode    REG_SZ    leeds!\r\n    idleLockMinutes    REG_DWORD    0x78\r\n    sitecode    REG_SZ    X\r\n');
    const error = (() => {
      try {
        readRegistryPolicy(runner({ [POLICY_KEY]: bad }), env);
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    })();
    expect(error).toContain('The site policy in the registry (HKLM\\SOFTWARE\\Policies\\SONAR) is not valid');
    expect(error).toContain('siteCode: siteCode must be 3-12 capital letters or digits');
    expect(error).toMatch(/idleLockMinutes: .*60/);
    expect(error).toContain('sitecode: not a SONAR site setting');
  });

  it('refuses text reg.exe could not pass on, rather than storing a mangled name', () => {
    const mangled = ok('\r\n    siteName    REG_SZ    Caf\uFFFD Custody\r\n');
    expect(() => readRegistryPolicy(runner({ [POLICY_KEY]: mangled }), env)).toThrow(/siteName holds characters that could not be read/);
  });
});
