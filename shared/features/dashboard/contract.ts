/** The dashboard slice of the contract: the home screen's sections in one call. */
import { None } from '../../contract/common';
import { op, type Operation } from '../../contract/define';
import { Dashboard } from './schema';

export const dashboardContract = {
  'dashboard.get': op(None, Dashboard),
} as const satisfies Record<string, Operation>;
