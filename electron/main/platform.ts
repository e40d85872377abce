import { extname, join } from 'node:path';
import type { App, BrowserWindow, Dialog, SaveDialogOptions, Shell } from 'electron';
import { writeFileDurably, type ExportedFile, type Platform } from '../backend';

export interface ElectronPlatformDeps {
  app: Pick<App, 'getPath'>;
  dialog: Pick<Dialog, 'showSaveDialog'>;
  shell: Pick<Shell, 'openPath'>;
  /** The window the save dialog belongs to (modal on macOS), if any is open. */
  window: () => BrowserWindow | null | undefined;
}

function filtersFor(file: ExportedFile): SaveDialogOptions['filters'] {
  const ext = extname(file.fileName).slice(1);
  if (file.mime === 'application/pdf') return [{ name: 'PDF', extensions: ['pdf'] }];
  return ext ? [{ name: ext.toUpperCase(), extensions: [ext] }] : [];
}

/** Electron delivers exported files by asking where to save them and opening them in the system viewer. */
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
  };
}
