import { ZodError } from 'zod';
import { contract, isOperationName, splitName, type Services } from '../../shared/contract';
import type { Envelope } from '../../shared/contract/define';
import { AppError } from '../../shared/errors';
import { validationError } from '../../shared/validation';
import { lockedError } from './store/store';

export function errorEnvelope(e: unknown): Envelope<never> {
  if (e instanceof AppError) return { ok: false, error: e.toBody() };
  if (e instanceof ZodError) return { ok: false, error: validationError(e).toBody() };
  const message = e instanceof Error ? e.message : String(e);
  console.error('[attache] unexpected error:', e);
  return { ok: false, error: { code: 'INTERNAL', message, messageKey: { key: 'errors.generic', params: { message } } } };
}

const WHILE_LOCKED = new Set<string>(['workspace.status', 'workspace.unlock', 'workspace.lock']);

export type Dispatch = (name: unknown, input: unknown) => Promise<Envelope>;

/**
 * The single entry from any shell: the name must be a contract entry, the input must parse, and
 * whatever happens comes back as an envelope. The operation runs as `services[ns][method]` (its
 * namespace's service, the method of the same name). With `validateOutput` (tests), results are checked too.
 */
export function createDispatch(services: Services, opts: { validateOutput?: boolean; isLocked?: () => boolean } = {}): Dispatch {
  return async (name, input) => {
    if (!isOperationName(name)) {
      return errorEnvelope(new AppError('UNKNOWN_OPERATION', `Unknown operation: ${String(name).slice(0, 80)}`));
    }
    // A locked workspace (waiting for its passphrase, or the app lock) answers nothing else.
    if (opts.isLocked?.() && !WHILE_LOCKED.has(name)) return errorEnvelope(lockedError());
    const parsed = contract[name].input.safeParse(input ?? {});
    if (!parsed.success) return errorEnvelope(validationError(parsed.error, name));
    try {
      const [ns, method] = splitName(name);
      const service = services[ns as keyof Services] as unknown as Record<string, (input: unknown) => unknown>;
      const data = await service[method]!(parsed.data);
      if (opts.validateOutput) contract[name].output.parse(data);
      return { ok: true, data };
    } catch (e) {
      return errorEnvelope(e);
    }
  };
}
