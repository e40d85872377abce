import { describe, expect, it } from 'vitest';
import { contract, operationNames } from '../../shared/contract';
import { createApi } from '../../shared/contract/client';
import { AppError } from '../../shared/errors';
import { createHandlers } from '../../electron/backend/handlers';
import { downloadPlatform } from '../../electron/backend/platform';
import { createContext } from '../../electron/backend/records/context';
import { openTestBackend } from './helpers/workspace';

describe('contract ↔ backend', () => {
  it('every contract entry has exactly one handler, and the backend exposes nothing else', async () => {
    const b = await openTestBackend();
    const handlers = createHandlers(createContext(b.store), downloadPlatform);
    expect(Object.keys(handlers).sort()).toEqual([...operationNames].sort());
    for (const name of operationNames) expect(typeof handlers[name]).toBe('function');
  });

  it('every entry declares zod input and output schemas', () => {
    for (const name of operationNames) {
      expect(typeof contract[name].input.safeParse).toBe('function');
      expect(typeof contract[name].output.safeParse).toBe('function');
    }
  });

  it('refuses names outside the contract, even ones that exist on objects', async () => {
    const b = await openTestBackend();
    for (const name of ['cases.drop', 'constructor', '__proto__', 'toString', '', 42]) {
      const envelope = await b.dispatch(name, {});
      expect(envelope.ok).toBe(false);
      if (!envelope.ok) expect(envelope.error.code).toBe('UNKNOWN_OPERATION');
    }
  });

  it('invalid input comes back as a VALIDATION envelope with per-field message keys', async () => {
    const b = await openTestBackend();
    const envelope = await b.dispatch('cases.create', { title: '  ', openedOn: '2026-05-10', dueOn: '2026-05-01', countries: ['DE', 'XX'] });
    expect(envelope.ok).toBe(false);
    if (envelope.ok) return;
    expect(envelope.error.code).toBe('VALIDATION');
    expect(envelope.error.fields).toEqual({
      title: { key: 'validation.required' },
      'countries.1': { key: 'validation.unknownCountry' },
      dueOn: { key: 'validation.dueBeforeOpened' },
    });
    expect((await b.call('cases.list', {})).rows.length).toBe(0);
  });

  it('rejects wrong types and unknown shapes without throwing past the boundary', async () => {
    const b = await openTestBackend();
    for (const input of [null, 'text', 42, [], { id: 5 }, { id: '../etc/passwd' }]) {
      const envelope = await b.dispatch('cases.get', input);
      expect(envelope.ok).toBe(false);
    }
    const extra = await b.dispatch('workspace.status', { unexpected: true });
    expect(extra.ok).toBe(false);
  });

  it('the client built from the contract unwraps envelopes into results and AppErrors', async () => {
    const b = await openTestBackend();
    const api = createApi((name, input) => b.dispatch(name, input));
    const created = await api.cases.create({ title: 'Via the typed client', openedOn: '2026-02-02' });
    expect(created.reference).toMatch(/^AC-2026-\d{3}$/);
    const err = await api.cases.get({ id: 'missing' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('NOT_FOUND');
  });

  it('the client refuses replies that do not match the contract', async () => {
    const api = createApi(async () => ({ ok: true, data: { state: 'bogus' } }));
    const err = await api.workspace.status({}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('INTERNAL');
  });
});
