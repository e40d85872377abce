/**
 * Who holds which role where, over time: a person's positions, and handing a role over to a
 * successor (positions.handOver) so both holders stay on record.
 */
import { AppError } from '../../../../shared/errors';
import type { ParsedInputOf, ServiceOf } from '../../../../shared/contract';
import { PositionFields, type PositionRecord } from '../../../../shared/features/contacts/schema';
import { parseOrThrow } from '../../../../shared/validation';
import type { ServiceContext } from '../../records/context';
import { collection } from '../../records/recipe';
import { assertExists, bumped, newRecord } from '../../records/records';

export function createPositionService(ctx: ServiceContext) {
  const { store } = ctx;
  const records = collection(ctx, {
    collection: 'positions',
    what: 'position',
    title: 'Position',
    fields: PositionFields,
    label: (p) => p.role,
    check: (p, current) => {
      if (!current) assertExists(store.db, 'contacts', p.contactId, 'contactId');
      if (!current || p.organisationId !== current.organisationId) assertExists(store.db, 'organisations', p.organisationId, 'organisationId');
    },
  });

  return {
    create: (input) => store.update((draft) => records.insert(draft, input)),

    update: (input) => store.update((draft) => records.patch(draft, input)),

    delete: (input) => records.remove(input),

    /**
     * A new person takes over a role: the holder's position ends the day before, the successor's
     * starts on the day, at the same organisation with the same title. Both stay on record.
     */
    handOver(input: ParsedInputOf<'positions.handOver'>): Promise<{ ended: PositionRecord; started: PositionRecord }> {
      return store.update((draft) => {
        const { record: current, index } = records.current(input.positionId, input.revision);
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
        const ended = bumped(current, { to: dayBefore.toISOString().slice(0, 10) }, stamp);
        const fields = parseOrThrow(PositionFields, { contactId: input.successorId, organisationId: current.organisationId, role: current.role, from: input.on, to: null }, 'Position');
        const started: PositionRecord = newRecord(ctx, fields, stamp);
        draft.positions.set(index, ended);
        draft.positions.push(started);
        return { ended, started };
      });
    },
  } satisfies ServiceOf<'positions'>;
}
