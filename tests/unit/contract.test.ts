import { describe, expect, it } from 'vitest';
import { contract, operationNames, splitName, type ServiceOf, type Services } from '../../shared/contract';
import { createApi } from '../../shared/contract/client';
import { AppError } from '../../shared/errors';
import { downloadPlatform } from '../../electron/backend/platform';
import { createContext } from '../../electron/backend/records/context';
import { createServices } from '../../electron/backend/services';
import { openTestBackend } from './helpers/workspace';

describe('contract ↔ backend', () => {
  it("every contract entry is a method of its namespace's service, and the services expose nothing else", async () => {
    const b = await openTestBackend();
    const services: Services = createServices(createContext(b.store), downloadPlatform);
    const methods = Object.entries(services).flatMap(([ns, service]) => Object.keys(service).map((m) => `${ns}.${m}`));
    expect(methods.sort()).toEqual([...operationNames].sort());
    for (const name of operationNames) {
      const [ns, method] = splitName(name);
      expect(typeof (services as unknown as Record<string, Record<string, unknown>>)[ns]![method]).toBe('function');
    }
  });

  it('the type checker refuses a service without a contract entry, or a contract entry without a method', () => {
    const ok = { status: () => ({ state: 'running' as const, progress: 0 }) } satisfies ServiceOf<'jobs'>;
    // @ts-expect-error — jobs.start is no operation: an extra method is a type error
    const extra = { status: ok.status, start: () => ({ jobId: 'x' }) } satisfies ServiceOf<'jobs'>;
    // @ts-expect-error — views.delete has no method: a missing one is a type error too
    const missing = { list: () => [], create: async () => ({}) as never, update: async () => ({}) as never } satisfies ServiceOf<'views'>;
    // @ts-expect-error — a method takes the parsed input whole, as the contract declares it
    const wrongInput = { status: (jobId: number) => ({ state: 'running' as const, progress: jobId }) } satisfies ServiceOf<'jobs'>;
    expect([ok, extra, missing, wrongInput].every((s) => typeof s === 'object')).toBe(true);
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
