import type { ExportResult } from '../../shared/schemas/export';
import type { DeviceVault } from './store/device-key';

export interface ExportedFile {
  fileName: string;
  mime: string;
  bytes: Uint8Array;
  /** Electron opens a saved file in the system viewer unless this is false (an archive has no viewer). */
  open?: boolean;
}

/**
 * What differs between the shells. Electron asks where to save and opens the file in the system
 * viewer; the web host returns the bytes for a browser download.
 */
/** A file the user chose to open: its name and size first, the bytes only when asked for. */
export interface PickedFile {
  fileName: string;
  size: number;
  read(): Promise<Uint8Array>;
}

export interface Platform {
  readonly shell: 'electron' | 'web';
  deliverFile(file: ExportedFile): Promise<ExportResult>;
  /** Electron: the open dialog (null when closed). The web host has none: the page uploads the file in slices. */
  pickFile?(filters: Array<{ name: string; extensions: string[] }>): Promise<PickedFile | null>;
  /** Electron, where the OS keychain is usable: seals the data key for "remember on this device". */
  deviceVault?: DeviceVault;
  /**
   * Electron: shows a system notification (`new Notification(...)` in the main process); the web
   * host has none. `language` is the OS's, for when the settings follow the system.
   */
  notifier?: SystemNotifier;
}

/** The one thing the backend asks of the OS's notification centre: show this, now. */
export interface SystemNotifier {
  readonly language: 'en' | 'de';
  show(notice: { title: string; body: string }): void;
}

/** The web host's platform (and the one tests use): every file becomes a download. */
export const downloadPlatform: Platform = {
  shell: 'web',
  async deliverFile(file) {
    return { delivery: 'download', fileName: file.fileName, mime: file.mime, base64: Buffer.from(file.bytes).toString('base64') };
  },
};
