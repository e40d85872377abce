import { AppError } from '../errors';
import { Envelope } from './define';
import { contract, operationNames, splitName, type Api, type OperationName } from './index';

/** Sends one call across a boundary (IPC or HTTP) and returns the raw envelope. */
export type Transport = (name: OperationName, input: unknown) => Promise<unknown>;

/**
 * Builds the typed API from a transport: every call's envelope is checked, errors are re-thrown as
 * AppError with their code and field messages, and results are validated against the contract.
 */
export function createApi(transport: Transport): Api {
  const api: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const name of operationNames) {
    const [ns, method] = splitName(name);
    (api[ns] ??= {})[method] = async (input: unknown) => {
      const raw = await transport(name, input ?? {});
      const envelope = Envelope.safeParse(raw);
      if (!envelope.success) throw new AppError('INTERNAL', `Malformed reply to ${name}`);
      if (!envelope.data.ok) throw AppError.fromBody(envelope.data.error);
      const out = contract[name].output.safeParse(envelope.data.data);
      if (!out.success) throw new AppError('INTERNAL', `Reply to ${name} does not match the contract`);
      return out.data;
    };
  }
  return api as unknown as Api;
}
