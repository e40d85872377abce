import type { ExportResult } from '../../shared/schemas/export';

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
export interface Platform {
  readonly shell: 'electron' | 'web';
  deliverFile(file: ExportedFile): Promise<ExportResult>;
}

/** The web host's platform (and the one tests use): every file becomes a download. */
export const downloadPlatform: Platform = {
  shell: 'web',
  async deliverFile(file) {
    return { delivery: 'download', fileName: file.fileName, mime: file.mime, base64: Buffer.from(file.bytes).toString('base64') };
  },
};
