import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { contract, operationNames, splitName, type ServiceOf, type Services } from '../../shared/contract';
import { createApi } from '../../shared/contract/client';
import { Envelope } from '../../shared/contract/define';
import { AppError } from '../../shared/errors';
import { downloadPlatform } from '../../electron/backend/platform';
import { createContext } from '../../electron/backend/records/context';
import { createServices } from '../../electron/backend/services';
import { openTestBackend } from './helpers/workspace';
import { MAX_FIRST_SCREEN_HTML, MAX_FIRST_SCREEN_STYLES } from '../../shared/features/firstScreen/schema';

/**
 * What the compiler cannot see: the contract's names and schemas as they behave at runtime, and the
 * envelope every caller gets back. (That every operation has a service, and the argument and result
 * types, are the type checker's job; nothing here restates them.)
 */

/** The object schema an operation's input parses with, under its default/optional wrappers. */
function inputObject(schema: z.ZodType): z.ZodObject {
  let s = schema as unknown as { def: { type: string; innerType?: unknown; in?: unknown } };
  while (s.def.type === 'default' || s.def.type === 'optional' || s.def.type === 'prefault') s = s.def.innerType as typeof s;
  if (s.def.type === 'pipe') s = s.def.in as typeof s;
  if (s.def.type !== 'object') throw new Error(`input is a ${s.def.type}, not an object`);
  return s as unknown as z.ZodObject;
}

/** Paths in a schema where an object lets unknown keys through to the service (a loose catch-all). */
function looseObjects(schema: unknown, path: string, seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = (schema as { def: Record<string, unknown> & { type: string } }).def;
  const inner = (key: string, sub = path) => looseObjects(def[key], sub, seen);
  switch (def.type) {
    case 'default':
    case 'optional':
    case 'nullable':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return inner('innerType');
    case 'pipe':
      return inner('in');
    case 'lazy':
      return looseObjects((def.getter as () => unknown)(), path, seen);
    case 'array':
      return inner('element', `${path}[]`);
    case 'union':
      return (def.options as unknown[]).flatMap((o) => looseObjects(o, path, seen));
    case 'object': {
      const catchall = def.catchall as { def: { type: string } } | undefined;
      const own = catchall && catchall.def.type !== 'never' ? [path] : [];
      return [...own, ...Object.entries(def.shape as Record<string, unknown>).flatMap(([k, v]) => looseObjects(v, `${path}.${k}`, seen))];
    }
    default:
      return [];
  }
}

/** Fields that carry more than 100,000 characters by design, with their own bound (checked at bound + 1). */
const LARGER_FIELDS: Record<string, number> = {
  // A drawn list screen's markup: 100–300 kB on large windows.
  'firstScreen.keep.html': MAX_FIRST_SCREEN_HTML,
  // The style rules that can match such a screen: about 100 kB.
  'firstScreen.keep.styles': MAX_FIRST_SCREEN_STYLES,
};

describe('the contract at runtime', () => {
  it('names every operation "namespace.method" in lower camel case', () => {
    expect(operationNames.length).toBeGreaterThan(0);
    for (const name of operationNames) expect(name).toMatch(/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/);
  });

  it('every input is an object that refuses other shapes, and an oversized value in any of its fields, at that field', () => {
    const oversized = 'a'.repeat(100_000);
    for (const name of operationNames) {
      const input = contract[name].input;
      for (const other of [null, 'text', 42, [], [{}]]) expect(input.safeParse(other).success, `${name} accepts ${JSON.stringify(other)}`).toBe(false);
      for (const field of Object.keys(inputObject(input).shape)) {
        const bound = LARGER_FIELDS[`${name}.${field}`];
        const result = input.safeParse({ [field]: bound ? 'a'.repeat(bound + 1) : oversized });
        expect(result.success, `${name} accepts 100,000 characters in ${field}`).toBe(false);
        expect(result.error?.issues.map((i) => i.path[0]), `${name} refuses an oversized ${field} at that field`).toContain(field);
      }
    }
  });

  it('no input lets unknown keys through to a service (objects are strict or strip them)', () => {
    expect(operationNames.flatMap((name) => looseObjects(contract[name].input, name))).toEqual([]);
  });

  it('every output schema refuses a reply of the wrong shape', () => {
    for (const name of operationNames) expect(contract[name].output.safeParse(Symbol('not a reply')).success, name).toBe(false);
  });

  it('refuses names outside the contract, even ones that exist on objects', async () => {
    const b = await openTestBackend();
    for (const name of ['cases.drop', 'constructor', '__proto__', 'toString', '', 42]) {
      const envelope = await b.dispatch(name, {});
      expect(Envelope.safeParse(envelope).success).toBe(true);
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
      expect(Envelope.safeParse(envelope).success).toBe(true);
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
    const ok = { status: () => ({ state: 'running' as const, progress: 0 }), cancel: () => ({ ok: true as const }) } satisfies ServiceOf<'jobs'>;
    // @ts-expect-error — jobs.start is no operation: an extra method is a type error
    const extra = { status: ok.status, cancel: ok.cancel, start: () => ({ jobId: 'x' }) } satisfies ServiceOf<'jobs'>;
    // @ts-expect-error — views.delete has no method: a missing one is a type error too
    const missing = { list: () => [], create: async () => ({}) as never, update: async () => ({}) as never } satisfies ServiceOf<'views'>;
    // @ts-expect-error — a method takes the parsed input whole, as the contract declares it
    const wrongInput = { status: (jobId: number) => ({ state: 'running' as const, progress: jobId }), cancel: ok.cancel } satisfies ServiceOf<'jobs'>;
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
