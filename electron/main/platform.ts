import { readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { App, BrowserWindow, Dialog, Notification, OpenDialogOptions, SaveDialogOptions, Shell } from 'electron';
import { writeFileDurably, type ExportedFile, type Platform, type SystemNotifier } from '../backend';
import { languageFromTag } from '../../shared/i18n';

export interface ElectronPlatformDeps {
  app: Pick<App, 'getPath'>;
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;
  shell: Pick<Shell, 'openPath'>;
  /** The window the save dialog belongs to (modal on macOS), if any is open. */
  window: () => BrowserWindow | null | undefined;
}

function filtersFor(file: ExportedFile): SaveDialogOptions['filters'] {
  const ext = extname(file.fileName).slice(1);
  if (file.mime === 'application/pdf') return [{ name: 'PDF', extensions: ['pdf'] }];
  return ext ? [{ name: ext.toUpperCase(), extensions: [ext] }] : [];
}

/**
 * Electron delivers exported files by asking where to save them and opening them in the system
 * viewer; a file to import is chosen in the open dialog and read here, so its bytes never pass
 * through the window. Its size is known before it is read (the backend refuses a large one unread).
 */
export function electronPlatform(deps: ElectronPlatformDeps): Platform {
  return {
    shell: 'electron',
    async deliverFile(file) {
      const options: SaveDialogOptions = {
        defaultPath: join(deps.app.getPath('documents'), file.fileName),
        filters: filtersFor(file),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const win = deps.window();
      const choice = win && !win.isDestroyed() ? await deps.dialog.showSaveDialog(win, options) : await deps.dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { delivery: 'cancelled', fileName: file.fileName };
      // GTK dialogs do not add the extension the filter implies.
      const wanted = extname(file.fileName);
      const path = wanted && !extname(choice.filePath) ? `${choice.filePath}${wanted}` : choice.filePath;
      await writeFileDurably(path, file.bytes);
      if (file.open !== false) {
        const failure = await deps.shell.openPath(path);
        if (failure) console.warn(`[attache] saved ${path} but could not open it: ${failure}`);
      }
      return { delivery: 'saved', fileName: file.fileName, path };
    },
    async pickFile(filters) {
      const options: OpenDialogOptions = { defaultPath: deps.app.getPath('documents'), filters, properties: ['openFile'] };
      const win = deps.window();
      const choice = win && !win.isDestroyed() ? await deps.dialog.showOpenDialog(win, options) : await deps.dialog.showOpenDialog(options);
      const path = choice.filePaths[0];
      if (choice.canceled || !path) return null;
      const { size } = await stat(path);
      return { fileName: basename(path), size, read: async () => new Uint8Array(await readFile(path)) };
    },
  };
}

/**
 * The system notification on the day work falls due: the backend decides what and when
 * (services/myWork/notify.ts); this only shows it. Absent where the OS has no notification centre.
 */
export type NotificationLike = Pick<typeof Notification, 'isSupported'> & (new (options: { title: string; body: string }) => Pick<Notification, 'show'>);

export function electronNotifier(deps: { Notification: NotificationLike; locale: string }): SystemNotifier | undefined {
  if (!deps.Notification.isSupported()) return undefined;
  return {
    language: languageFromTag(deps.locale),
    show: ({ title, body }) => new deps.Notification({ title, body }).show(),
  };
}
