/**
 * A case reference is issued once and never again: not after a delete, not through Undo, not after a
 * restart. Every write path goes through the one uniqueness rule (issue 9, defect 1).
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../electron/backend/store/migrations';
import { DATABASE_FILE } from '../../electron/backend/store/store';
import { openTestBackend, rejection } from './helpers/workspace';

const clock = () => new Date('2026-06-01T10:00:00Z');

describe('case references', () => {
  it('are never handed out again once issued, even after the case is deleted', async () => {
    const b = await openTestBackend({ now: clock });
    const first = await b.call('cases.create', { title: 'First', openedOn: '2026-01-05' });
    const second = await b.call('cases.create', { title: 'Second', openedOn: '2026-01-06' });
    expect(second.reference).toBe('AC-2026-002');
    await b.call('cases.delete', { id: second.id, revision: second.revision });
    const third = await b.call('cases.create', { title: 'Third', openedOn: '2026-01-07' });
    expect(third.reference).toBe('AC-2026-003');
    expect((await b.call('cases.nextReference', { openedOn: '2026-02-01' })).reference).toBe('AC-2026-004');
    expect(first.reference).toBe('AC-2026-001');
  });

  it('keep their counter in the database, so a restart does not reissue a deleted number', async () => {
    const b = await openTestBackend({ now: clock });
    const c = await b.call('cases.create', { title: 'Gone', openedOn: '2026-03-01' });
    const { undoId } = await b.call('cases.delete', { id: c.id, revision: c.revision });
    expect(undoId).toBeTruthy();
    await b.close();
    // Closing folds the journal into the snapshot: the counter is in attache.json itself.
    const onDisk = JSON.parse(await readFile(join(b.dataDir, 'attache.json'), 'utf8'));
    expect(onDisk.counters.caseReferences['2026']).toBe(1);
    const again = await openTestBackend({ now: clock, dataDir: b.dataDir, init: false });
    expect((await again.call('cases.create', { title: 'New', openedOn: '2026-03-02' })).reference).toBe('AC-2026-002');
  });

  it('a typed reference in the generated form moves the counter past it', async () => {
    const b = await openTestBackend({ now: clock });
    await b.call('cases.create', { title: 'Typed', openedOn: '2026-01-05', reference: 'AC-2026-040' });
    const c = await b.call('cases.create', { title: 'Generated', openedOn: '2026-01-06' });
    expect(c.reference).toBe('AC-2026-041');
  });

  it('Undo that would bring back a reference in use is refused with a clear message, nothing changed', async () => {
    const b = await openTestBackend({ now: clock });
    const a = await b.call('cases.create', { title: 'Original', openedOn: '2026-01-05', reference: 'BMBF/KE-7' });
    const { undoId } = await b.call('cases.delete', { id: a.id, revision: a.revision });
    const b2 = await b.call('cases.create', { title: 'Newcomer', openedOn: '2026-01-06', reference: 'bmbf/ke-7' });
    const before = await readFile(join(b.dataDir, 'attache.json'), 'utf8');

    const err = await rejection(b.call('undo.apply', { undoId }));
    expect(err.code).toBe('CONFLICT');
    expect(err.messageKey).toEqual({ key: 'errors.undoReferenceTaken', params: { reference: 'BMBF/KE-7' } });
    expect(err.message).toContain('BMBF/KE-7');

    expect(await readFile(join(b.dataDir, 'attache.json'), 'utf8')).toBe(before);
    const rows = (await b.call('cases.list', {})).rows;
    expect(rows.map((r) => r.id)).toEqual([b2.id]);
  });

  it('create, delete, create, Undo never leaves two cases with one reference (the reported path)', async () => {
    const b = await openTestBackend({ now: clock });
    for (let i = 0; i < 4; i++) await b.call('cases.create', { title: `Case ${i}`, openedOn: '2026-01-05' });
    const fifth = await b.call('cases.create', { title: 'Fifth', openedOn: '2026-01-05' });
    expect(fifth.reference).toBe('AC-2026-005');
    const { undoId } = await b.call('cases.delete', { id: fifth.id, revision: fifth.revision });
    const next = await b.call('cases.create', { title: 'Next', openedOn: '2026-01-05' });
    expect(next.reference).toBe('AC-2026-006');
    await b.call('undo.apply', { undoId });
    const refs = (await b.call('cases.list', { limit: 100 })).rows.map((r) => r.reference);
    expect(new Set(refs).size).toBe(refs.length);
    expect(refs).toContain('AC-2026-005');
  });

  it('migration 4 → 5 counts the references of existing and deleted cases, so neither is reissued', async () => {
    const b = await openTestBackend({ now: clock });
    await b.call('cases.create', { title: 'Kept', openedOn: '2026-01-05' });
    const gone = await b.call('cases.create', { title: 'Deleted', openedOn: '2026-01-06' });
    await b.call('cases.create', { title: 'Last year', openedOn: '2025-11-06', reference: 'AC-2025-012' });
    await b.call('cases.delete', { id: gone.id, revision: gone.revision });
    await b.close();
    // The file as version 4 wrote it: no counters (and no seal, so it is validated in full).
    const path = join(b.dataDir, DATABASE_FILE);
    const { counters: _c, ...v4 } = JSON.parse(await readFile(path, 'utf8'));
    await writeFile(path, JSON.stringify({ ...v4, schemaVersion: 4 }));
    await rm(`${path}.seal`);

    const again = await openTestBackend({ now: clock, dataDir: b.dataDir, init: false });
    expect(again.store.db.counters.caseReferences).toEqual({ '2025': 12, '2026': 2 });
    expect((await again.call('cases.create', { title: 'New', openedOn: '2026-02-01' })).reference).toBe('AC-2026-003');
    expect(migrations.find((m) => m.from === 4)!.up({ cases: [], trash: [] })).toEqual({ cases: [], trash: [], counters: { caseReferences: {} } });
  });
});
