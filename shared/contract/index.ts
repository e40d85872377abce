/**
 * The one contract: every operation of Attaché, merged from the features' slices
 * (shared/features/<feature>/contract.ts). The preload, the IPC registration, the web host's routes,
 * the renderer's client and the backend's services are all derived from or checked against it.
 */
import type { z } from 'zod';
import { archiveContract } from '../features/archive/contract';
import { casesContract } from '../features/cases/contract';
import { cooperationsContract } from '../features/cooperations/contract';
import { contactsContract } from '../features/contacts/contract';
import { matchmakingContract } from '../features/matchmaking/contract';
import { importsContract } from '../features/imports/contract';
import { countriesContract } from '../features/countries/contract';
import { dashboardContract } from '../features/dashboard/contract';
import { exportsContract } from '../features/exports/contract';
import { firstScreenContract } from '../features/firstScreen/contract';
import { groupsContract } from '../features/groups/contract';
import { notesContract } from '../features/notes/contract';
import { organisationsContract } from '../features/organisations/contract';
import { programmesContract } from '../features/programmes/contract';
import { prioritiesContract } from '../features/priorities/contract';
import { remindersContract } from '../features/reminders/contract';
import { myWorkContract } from '../features/myWork/contract';
import { searchContract } from '../features/search/contract';
import { teamContract } from '../features/team/contract';
import { tripsContract } from '../features/trips/contract';
import { viewsContract } from '../features/views/contract';
import { workspaceContract } from '../features/workspace/contract';
import type { operationNames as listedNames } from './names';

export const contract = {
  ...workspaceContract,
  ...casesContract,
  ...organisationsContract,
  ...contactsContract,
  ...notesContract,
  ...viewsContract,
  ...countriesContract,
  ...dashboardContract,
  ...tripsContract,
  ...cooperationsContract,
  ...programmesContract,
  ...prioritiesContract,
  ...remindersContract,
  ...myWorkContract,
  ...groupsContract,
  ...searchContract,
  ...importsContract,
  ...archiveContract,
  ...exportsContract,
  ...matchmakingContract,
  ...teamContract,
  ...firstScreenContract,
} as const;

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export const operationNames = Object.keys(contract) as OperationName[];

// ./names lists the names again as plain strings for the preload. Both directions are checked here:
// an operation missing from the list, or a listed name with no operation, fails with its name.
type Listed = (typeof listedNames)[number];
type Unlisted = Exclude<OperationName, Listed>;
type NoOperation = Exclude<Listed, OperationName>;
const _everyOperationIsListed: [Unlisted] extends [never] ? true : Unlisted = true;
const _everyListedNameIsAnOperation: [NoOperation] extends [never] ? true : NoOperation = true;

export const isOperationName = (name: unknown): name is OperationName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);

/** What a caller passes (defaults may be omitted). */
export type InputOf<N extends OperationName> = z.input<Contract[N]['input']>;
/** What a handler receives after parsing. */
export type ParsedInputOf<N extends OperationName> = z.output<Contract[N]['input']>;
export type OutputOf<N extends OperationName> = z.output<Contract[N]['output']>;

type Namespace<N extends string> = N extends `${infer NS}.${string}` ? NS : never;
export type Namespaces = Namespace<OperationName>;

/** The API the renderer programs against: `api.cases.create(input)`. */
export type Api = {
  [NS in Namespaces]: {
    [N in OperationName as N extends `${NS}.${infer M}` ? M : never]: (input: InputOf<N>) => Promise<OutputOf<N>>;
  };
};

/**
 * What the backend implements for one namespace: one method per operation, named as the operation
 * (`positions.handOver` → `handOver`), taking the parsed input whole. A service object literal
 * `satisfies ServiceOf<'positions'>`, so a missing method and an extra one are both type errors.
 */
export type ServiceOf<NS extends Namespaces> = {
  [N in OperationName as N extends `${NS}.${infer M}` ? M : never]: (input: ParsedInputOf<N>) => OutputOf<N> | Promise<OutputOf<N>>;
};

/** Every namespace's service: the backend's channel, resolved by dispatch as `services[ns][method]`. */
export type Services = { [NS in Namespaces]: ServiceOf<NS> };

/** Splits "cases.create" into its namespace and method. */
export function splitName(name: OperationName): [string, string] {
  const dot = name.indexOf('.');
  return [name.slice(0, dot), name.slice(dot + 1)];
}
