import { ZodError } from 'zod';
import { contract, isOperationName, splitName, type Services } from '../../shared/contract';
import type { Envelope } from '../../shared/contract/define';
import { checkInputLimits, limitMessageKeys, type LimitBreach } from '../../shared/contract/limits';
import { AppError, type Message } from '../../shared/errors';
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

const limitWhat: Record<LimitBreach['kind'], string> = {
  depth: 'nested deeper than',
  nodes: 'more values than',
  string: 'a text longer than',
  totalString: 'more text in all than',
  array: 'a list longer than',
  keys: 'an object with more fields than',
  key: 'a field name longer than',
};

/** A payload over a bound of shared/contract/limits.ts: a VALIDATION error naming the bound and where. */
export function limitError(breach: LimitBreach, name: string): AppError {
  const where = breach.path.map(String).join('.') || '_';
  // A text or list over the bound is also marked on its field, as zod's own length messages are.
  const field: Message | null =
    breach.kind === 'string' ? { key: 'validation.tooBig', params: { max: breach.max } } : breach.kind === 'array' ? { key: 'validation.tooMany', params: { max: breach.max } } : null;
  return new AppError('VALIDATION', `${name} input is refused: ${limitWhat[breach.kind]} ${breach.max} (at ${where}).`, {
    messageKey: { key: limitMessageKeys[breach.kind], params: { max: breach.max } },
    ...(field ? { fields: { [where]: field } } : {}),
  });
}

export type Dispatch = (name: unknown, input: unknown) => Promise<Envelope>;

/**
 * The single entry from any shell: the name must be a contract entry, the input must stay within the
 * input limits (shared/contract/limits.ts) and parse, and whatever happens comes back as an envelope. The operation runs as `services[ns][method]` (its
 * namespace's service, the method of the same name). With `validateOutput` (tests), results are checked too.
 */
export function createDispatch(services: Services, opts: { validateOutput?: boolean; isLocked?: () => boolean; dataVersion?: () => string | undefined } = {}): Dispatch {
  return async (name, input) => {
    if (!isOperationName(name)) {
      return errorEnvelope(new AppError('UNKNOWN_OPERATION', `Unknown operation: ${String(name).slice(0, 80)}`));
    }
    // A locked workspace (waiting for its passphrase, or the app lock) answers nothing else.
    if (opts.isLocked?.() && !WHILE_LOCKED.has(name)) return errorEnvelope(lockedError());
    // The bounds come before zod: its recursive schemas would overflow the stack on a depth bomb.
    const breach = checkInputLimits(input ?? {});
    if (breach) return errorEnvelope(limitError(breach, name));
    const parsed = contract[name].input.safeParse(input ?? {});
    if (!parsed.success) return errorEnvelope(validationError(parsed.error, name));
    try {
      const [ns, method] = splitName(name);
      const service = services[ns as keyof Services] as unknown as Record<string, (input: unknown) => unknown>;
      const before = opts.dataVersion?.();
      const data = await service[method]!(parsed.data);
      if (opts.validateOutput) contract[name].output.parse(data);
      // Named only if no save landed while the operation ran: then the answer is of exactly that data.
      const at = opts.dataVersion?.();
      return at === undefined || at !== before ? { ok: true, data } : { ok: true, data, at };
    } catch (e) {
      return errorEnvelope(e);
    }
  };
}
