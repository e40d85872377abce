import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { operationNames, type OperationName } from '../../shared/contract';
import type { Envelope } from '../../shared/contract/define';
import type { Dispatch } from '../backend';
import { APP_ORIGIN } from './security';

type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

/**
 * A call is accepted only from the main frame of our own window showing our own page. Subframes,
 * other web contents and frames that navigated elsewhere are refused: they could be anyone.
 */
export function isTrustedSender(event: SenderEvent, trusted: WebContents | null | undefined): boolean {
  const frame = event.senderFrame;
  if (!frame || !trusted || trusted.isDestroyed() || event.sender !== trusted) return false;
  if (!frame.url.startsWith(`${APP_ORIGIN}/`)) return false;
  if (frame.parent !== null) return false;
  const main = trusted.mainFrame;
  return frame === main || (frame.processId === main.processId && frame.frameToken === main.frameToken);
}

export function forbidden(name: string): Envelope<never> {
  return {
    ok: false,
    error: { code: 'FORBIDDEN', message: `The call ${name} was refused: it did not come from the Attaché window.` },
  };
}

/**
 * Binds every contract operation to its IPC channel and nothing else: the sender is checked, then the
 * backend's dispatch parses the input and returns the envelope.
 */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  opts: { dispatch: Dispatch; trustedContents: () => WebContents | null | undefined },
): OperationName[] {
  for (const name of operationNames) {
    ipcMain.handle(name, async (event, input: unknown) => {
      if (!isTrustedSender(event, opts.trustedContents())) {
        console.warn(`[attache] refused IPC ${name} from ${event.senderFrame?.url ?? 'a vanished frame'}`);
        return forbidden(name);
      }
      return opts.dispatch(name, input);
    });
  }
  return [...operationNames];
}
