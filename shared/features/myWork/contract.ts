/** The myWork slice of the contract: the My work screen in one call (ticking off goes through tasks.update and reminders.update). */
import { op, type Operation } from '../../contract/define';
import { MyWorkQuery, MyWorkView } from './schema';

export const myWorkContract = {
  'myWork.list': op(MyWorkQuery, MyWorkView),
} as const satisfies Record<string, Operation>;
