import { z } from 'zod';
import { CaseCreateInput, CaseListItem, CaseListQuery, CaseRecord, CaseUpdateInput } from '../schemas/case';
import { ById, Id, IsoDate } from '../schemas/common';
import {
  InitializeInput,
  RestoreBackupInput,
  Settings,
  SettingsUpdate,
  UndoToken,
  WorkspaceStatus,
} from '../schemas/workspace';
import { ExportRequest, ExportResult } from '../schemas/export';
import { op, type Operation } from './define';

const None = z.object({}).strict().default({});

/**
 * Every operation of Attaché, once. The preload, the IPC registration, the web host's routes and the
 * renderer's client are all derived from this object; the backend must implement each entry.
 */
export const contract = {
  'workspace.status': op(None, WorkspaceStatus),
  'workspace.initialize': op(InitializeInput, WorkspaceStatus),
  'workspace.restoreBackup': op(RestoreBackupInput, WorkspaceStatus),
  'workspace.backupNow': op(None, WorkspaceStatus),

  'settings.get': op(None, Settings),
  'settings.update': op(SettingsUpdate, Settings),

  'cases.list': op(CaseListQuery, z.array(CaseListItem)),
  'cases.get': op(ById, CaseRecord),
  'cases.create': op(CaseCreateInput, CaseRecord),
  'cases.update': op(CaseUpdateInput, CaseRecord),
  'cases.delete': op(z.object({ id: Id, revision: z.number().int().min(1) }), UndoToken),
  'cases.vocabulary': op(None, z.object({ topics: z.array(z.string()), owners: z.array(z.string()), clients: z.array(z.string()) })),
  'cases.nextReference': op(z.object({ openedOn: IsoDate.optional() }).default({}), z.object({ reference: z.string() })),
  'cases.exportBriefing': op(ExportRequest, ExportResult),

  'undo.apply': op(UndoToken, z.object({ label: z.string() })),
} as const satisfies Record<string, Operation>;

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export const operationNames = Object.keys(contract) as OperationName[];

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

/** Splits "cases.create" into its namespace and method. */
export function splitName(name: OperationName): [string, string] {
  const dot = name.indexOf('.');
  return [name.slice(0, dot), name.slice(dot + 1)];
}
