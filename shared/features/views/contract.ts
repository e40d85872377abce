/** The views slice of the contract: named filter combinations of the lists. */
import { z } from 'zod';
import { Ok } from '../../contract/common';
import { op, type Operation } from '../../contract/define';
import { ById } from '../../schemas/common';
import { ViewFields, ViewList, ViewRecord, ViewUpdateInput } from './schema';

export const viewsContract = {
  'views.list': op(z.object({ list: ViewList }), z.array(ViewRecord)),
  'views.create': op(ViewFields, ViewRecord),
  'views.update': op(ViewUpdateInput, ViewRecord),
  'views.delete': op(ById, Ok),
} as const satisfies Record<string, Operation>;
