/**
 * Who holds which role where, over time: a person's positions, and handing a role over to a
 * successor (positions.handOver) so both holders stay on record.
 */
import { AppError } from '../../../../shared/errors';
import type { ParsedInputOf, ServiceOf } from '../../../../shared/contract';
import { PositionFields, type PositionRecord } from '../../../../shared/features/contacts/schema';
import { parseOrThrow } from '../../../../shared/validation';
import type { ServiceContext } from '../../records/context';
import { assertExists, assertRevision, findOrThrow, indexOfOrThrow } from '../../records/records';
import { applyDelete, planDelete } from '../../records/references';

export function createPositionService(ctx: ServiceContext) {
  const { store } = ctx;

  return {
    create(input: ParsedInputOf<'positions.create'>): Promise<PositionRecord> {
      return store.update((draft) => {
        assertExists(store.db, 'contacts', input.contactId, 'contactId');
        assertExists(store.db, 'organisations', input.organisationId, 'organisationId');
        const stamp = ctx.now().toISOString();
        const record: PositionRecord = { id: ctx.newId(), createdAt: stamp, updatedAt: stamp, revision: 1, ...parseOrThrow(PositionFields, input, 'Position') };
        draft.positions.push(record);
        return record;
      });
    },

    update(input: ParsedInputOf<'positions.update'>): Promise<PositionRecord> {
      return store.update((draft) => {
        const i = indexOfOrThrow(store.db.positions, input.id, 'position');
        const current = store.db.positions[i]!;
        assertRevision(current, input.revision, 'position');
        if (input.changes.organisationId) assertExists(store.db, 'organisations', input.changes.organisationId, 'organisationId');
        const { id: _i, createdAt: _c, updatedAt: _u, revision: _r, ...fields } = current;
        const next = parseOrThrow(PositionFields, { ...fields, ...input.changes }, 'Position');
        const record: PositionRecord = { ...current, ...next, revision: current.revision + 1, updatedAt: ctx.now().toISOString() };
        draft.positions[i] = record;
        return record;
      });
    },

    delete({ id, revision }): Promise<{ undoId: string }> {
      return store.update((draft) => {
        const p = findOrThrow(store.db.positions, id, 'position');
        assertRevision(p, revision, 'position');
        return { undoId: applyDelete(ctx, draft, planDelete(store.db, 'positions', id), p.role) };
      });
    },

    /**
     * A new person takes over a role: the holder's position ends the day before, the successor's
     * starts on the day, at the same organisation with the same title. Both stay on record.
     */
    handOver(input: ParsedInputOf<'positions.handOver'>): Promise<{ ended: PositionRecord; started: PositionRecord }> {
      return store.update((draft) => {
        const i = indexOfOrThrow(store.db.positions, input.positionId, 'position');
        const current = store.db.positions[i]!;
        assertRevision(current, input.revision, 'position');
        assertExists(store.db, 'contacts', input.successorId, 'successorId');
        if (input.successorId === current.contactId) {
          throw new AppError('VALIDATION', 'The successor is the current holder.', { fields: { successorId: { key: 'validation.sameHolder' } } });
        }
        if (current.from && input.on <= current.from) {
          throw new AppError('VALIDATION', 'The handover must be after the current holder started.', { fields: { on: { key: 'validation.handoverBeforeStart' } } });
        }
        const dayBefore = new Date(`${input.on}T12:00:00Z`);
        dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
        const stamp = ctx.now().toISOString();
        const ended: PositionRecord = { ...current, to: dayBefore.toISOString().slice(0, 10), revision: current.revision + 1, updatedAt: stamp };
        const started: PositionRecord = {
          id: ctx.newId(),
          createdAt: stamp,
          updatedAt: stamp,
          revision: 1,
          ...parseOrThrow(PositionFields, { contactId: input.successorId, organisationId: current.organisationId, role: current.role, from: input.on, to: null }, 'Position'),
        };
        draft.positions[i] = ended;
        draft.positions.push(started);
        return { ended, started };
      });
    },
  } satisfies ServiceOf<'positions'>;
}
