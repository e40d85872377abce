// Why this file exists: issue 11 found that hostile payloads (1,000-level nesting, megabyte strings in
// saved views) crashed the dispatch with a stack overflow or were stored as they came. These tests
// prove the shared input guard and the tightened schemas answer them with VALIDATION envelopes, and
// that what the app really sends (deeply nested note lists, the sample's views) still passes.
import { describe, expect, it } from 'vitest';
import { checkInputLimits, inputLimits } from '../../shared/contract/limits';
import type { RichBlockNode } from '../../shared/schemas/richtext';
import { openTestBackend } from './helpers/workspace';

/** `levels` arrays inside each other: [[[…]]]. */
function nestedArrays(levels: number): unknown {
  let v: unknown = [];
  for (let i = 0; i < levels; i++) v = [v];
  return v;
}

/** A bullet list nested `levels` deep, as the editor makes with Tab. */
function nestedList(levels: number): RichBlockNode {
  let block: RichBlockNode = { type: 'paragraph', content: [{ type: 'text', text: 'innermost', marks: [{ type: 'link', attrs: { href: 'https://example.org' } }] }] };
  for (let i = 0; i < levels; i++) block = { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: `level ${i}` }] }, block] }] };
  return block;
}

describe('input limits: the guard', () => {
  it('accepts ordinary input and refuses each kind of excess with its path and bound', () => {
    expect(checkInputLimits({ title: 'A case', ids: ['a', 'b'], n: 1, flag: true, none: null })).toBeNull();
    expect(checkInputLimits({ a: { b: nestedArrays(100) } })).toMatchObject({ kind: 'depth', max: inputLimits.maxDepth });
    expect(checkInputLimits({ changes: { name: 'x'.repeat(inputLimits.maxStringLength + 1) } })).toEqual({ kind: 'string', path: ['changes', 'name'], max: inputLimits.maxStringLength });
    expect(checkInputLimits({ ids: new Array(inputLimits.maxArrayLength + 1).fill('a') })).toEqual({ kind: 'array', path: ['ids'], max: inputLimits.maxArrayLength });
    expect(checkInputLimits(Object.fromEntries(Array.from({ length: inputLimits.maxKeys + 1 }, (_, i) => [`k${i}`, i])))).toMatchObject({ kind: 'keys', path: [] });
    expect(checkInputLimits({ ['k'.repeat(inputLimits.maxKeyLength + 1)]: 1 })).toMatchObject({ kind: 'key' });
    const tight = { ...inputLimits, maxNodes: 10, maxTotalStringLength: 5 };
    expect(checkInputLimits({ list: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] }, tight)).toMatchObject({ kind: 'nodes' });
    expect(checkInputLimits({ a: 'abc', b: 'def' }, tight)).toMatchObject({ kind: 'totalString' });
  });

  it('walks a million levels without recursion, and ends on a cycle', () => {
    expect(checkInputLimits(JSON.parse('['.repeat(1_000_000) + ']'.repeat(1_000_000)))).toMatchObject({ kind: 'depth' });
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    expect(checkInputLimits(cyclic)).toMatchObject({ kind: 'depth' });
  });
});

describe('input limits: through the dispatch', () => {
  it('a 1,000-level nested note body is a VALIDATION envelope, not a stack overflow', async () => {
    const b = await openTestBackend();
    const reply = await b.dispatch('notes.create', { title: 'Bomb', body: { type: 'doc', content: [nestedList(1000)] } });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('VALIDATION');
    expect(reply.error.messageKey).toEqual({ key: 'errors.limits.depth', params: { max: inputLimits.maxDepth } });
    expect(reply.error.message).toContain('notes.create');
  });

  it('a note with a dozen nested list levels, as the editor makes them, still saves', async () => {
    const b = await openTestBackend();
    const note = await b.call('notes.create', { title: 'Deep outline', body: { type: 'doc', content: [nestedList(12)] } });
    const updated = await b.call('notes.update', { id: note.id, revision: note.revision, changes: { body: { type: 'doc', content: [nestedList(12)] } } });
    expect(updated.revision).toBe(2);
  });

  it('a megabyte string anywhere is refused before the schema sees it, and marked on its field', async () => {
    const b = await openTestBackend();
    const reply = await b.dispatch('cases.create', { title: 'x'.repeat(1_000_001), openedOn: '2026-01-01' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION', messageKey: { key: 'errors.limits.string' }, fields: { title: { key: 'validation.tooBig' } } } });
  });

  it('views take only flat, bounded queries', async () => {
    const b = await openTestBackend();
    const ok = await b.call('views.create', { name: 'Open in Kenya', list: 'cases', query: { text: 'water', statuses: ['intake'], countries: ['KE'], sort: 'dueOn', direction: 'asc' }, columns: ['title'] });
    expect(ok.query).toEqual({ text: 'water', statuses: ['intake'], countries: ['KE'], sort: 'dueOn', direction: 'asc' });
    const refused = async (query: unknown, field: string) => {
      const reply = await b.dispatch('views.create', { name: 'Hostile', list: 'cases', query });
      expect(reply.ok, field).toBe(false);
      if (!reply.ok) {
        expect(reply.error.code).toBe('VALIDATION');
        expect(Object.keys(reply.error.fields ?? {}), JSON.stringify(reply.error.fields)).toContain(field);
      }
    };
    await refused({ text: 'x'.repeat(100_000) }, 'query.text');
    await refused({ topics: new Array(5_000).fill('t') }, 'query.topics');
    await refused({ owners: ['o'.repeat(500)] }, 'query.owners.0');
    await refused({ nested: { deeper: { still: 1 } } }, 'query.nested');
    await refused(Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`k${i}`, 1])), 'query');
    await refused({ ['k'.repeat(41)]: 1 }, 'query.' + 'k'.repeat(41));
    const long = await b.dispatch('views.update', { id: ok.id, revision: ok.revision, changes: { query: { text: 'y'.repeat(300) } } });
    expect(long.ok).toBe(false);
    const list = await b.dispatch('cases.list', { topics: new Array(1_000).fill('t') });
    expect(list).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { topics: { key: 'validation.tooBig' } } } });
  });
});
