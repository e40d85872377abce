// The preload builds window.attache from shared/contract/names.ts, not from the contract; the compiler checks
// the two name sets in shared/contract/index.ts, and this test checks the same at run time (and duplicates).
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';
import { isMenuCommand, menuCommands } from '../../shared/contract/bridge';
import { operationNames } from '../../shared/contract/names';

describe('operation names for the preload', () => {
  it('lists every contract operation exactly once and nothing else', () => {
    expect(new Set(operationNames).size).toBe(operationNames.length);
    expect([...operationNames].sort()).toEqual(Object.keys(contract).sort());
  });
});

describe('menu commands', () => {
  it('accepts the listed commands and refuses anything else', () => {
    for (const command of menuCommands) expect(isMenuCommand(command)).toBe(true);
    for (const other of ['case.delete', '', 'toString', '__proto__', 42, null, undefined, { command: 'case.new' }, ['case.new']]) {
      expect(isMenuCommand(other)).toBe(false);
    }
  });
});
