import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { electronNotifier, electronPlatform, type NotificationLike } from '../../../electron/main/platform';
import { tempDir } from '../helpers/workspace';

const pdf = { fileName: 'AC-2026-001 briefing.pdf', mime: 'application/pdf', bytes: new TextEncoder().encode('%PDF-1.7\n…\n%%EOF') };

function setup(choice: { canceled: boolean; filePath?: string; filePaths?: string[] }, opts: { window?: object | null } = {}) {
  const showSaveDialog = vi.fn(async (..._args: unknown[]) => choice);
  const showOpenDialog = vi.fn(async (..._args: unknown[]) => ({ filePaths: [], ...choice }));
  const openPath = vi.fn(async (_path: string) => '');
  const platform = electronPlatform({
    app: { getPath: (name: string) => (name === 'documents' ? '/home/ada/Documents' : '/nowhere') } as never,
    dialog: { showSaveDialog, showOpenDialog } as never,
    shell: { openPath } as never,
    window: () => (opts.window ?? null) as never,
  });
  return { platform, showSaveDialog, showOpenDialog, openPath };
}

describe('Electron platform', () => {
  it('is the electron shell', () => {
    expect(setup({ canceled: true }).platform.shell).toBe('electron');
  });

  it('reports a cancelled save dialog and writes nothing', async () => {
    const { platform, showSaveDialog, openPath } = setup({ canceled: true });
    await expect(platform.deliverFile(pdf)).resolves.toEqual({ delivery: 'cancelled', fileName: pdf.fileName });
    const options = showSaveDialog.mock.calls[0]![0] as { defaultPath: string; filters: unknown[] };
    expect(options.defaultPath).toBe(join('/home/ada/Documents', pdf.fileName));
    expect(options.filters).toEqual([{ name: 'PDF', extensions: ['pdf'] }]);
    expect(openPath).not.toHaveBeenCalled();
  });

  it('writes the bytes where the user chose and opens the file', async () => {
    const dir = await tempDir();
    const target = join(dir, 'briefing.pdf');
    const { platform, openPath } = setup({ canceled: false, filePath: target });
    await expect(platform.deliverFile(pdf)).resolves.toEqual({ delivery: 'saved', fileName: pdf.fileName, path: target });
    expect(new Uint8Array(await readFile(target))).toEqual(pdf.bytes);
    expect(openPath).toHaveBeenCalledWith(target);
  });

  it('saves a file marked not to open (an archive) without opening it', async () => {
    const dir = await tempDir();
    const target = join(dir, 'attache-2026-11-21.attache');
    const { platform, openPath } = setup({ canceled: false, filePath: target });
    const archive = { fileName: 'attache-2026-11-21.attache', mime: 'application/zip', bytes: new Uint8Array([0x50, 0x4b, 5, 6]), open: false };
    await expect(platform.deliverFile(archive)).resolves.toEqual({ delivery: 'saved', fileName: archive.fileName, path: target });
    expect(openPath).not.toHaveBeenCalled();
  });

  it('adds the extension a Linux dialog leaves off', async () => {
    const dir = await tempDir();
    const { platform } = setup({ canceled: false, filePath: join(dir, 'briefing') });
    const result = await platform.deliverFile(pdf);
    expect(result).toMatchObject({ delivery: 'saved', path: join(dir, 'briefing.pdf') });
    expect((await readFile(join(dir, 'briefing.pdf'))).subarray(0, 4).toString()).toBe('%PDF');
  });

  it('attaches the dialog to the window when there is one', async () => {
    const win = { isDestroyed: () => false };
    const { platform, showSaveDialog } = setup({ canceled: true }, { window: win });
    await platform.deliverFile(pdf);
    expect(showSaveDialog.mock.calls[0]![0]).toBe(win);
  });

  it('still reports the saved file when the system viewer cannot open it', async () => {
    const dir = await tempDir();
    const { platform, openPath } = setup({ canceled: false, filePath: join(dir, 'b.pdf') });
    openPath.mockResolvedValueOnce('No application is associated with PDF files');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(platform.deliverFile(pdf)).resolves.toMatchObject({ delivery: 'saved' });
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('picks a file to import: its name and size first, the bytes when asked; nothing when the dialog is closed', async () => {
    const dir = await tempDir();
    const path = join(dir, 'Kontakte.csv');
    await writeFile(path, 'Vorname;Nachname\r\nAnna;Müller\r\n');
    const { platform, showOpenDialog } = setup({ canceled: false, filePaths: [path] });
    const picked = await platform.pickFile!([{ name: 'CSV', extensions: ['csv'] }]);
    expect(picked).toMatchObject({ fileName: 'Kontakte.csv', size: Buffer.byteLength('Vorname;Nachname\r\nAnna;Müller\r\n') });
    expect(new TextDecoder().decode(await picked!.read())).toBe('Vorname;Nachname\r\nAnna;Müller\r\n');
    expect(showOpenDialog.mock.calls[0]![0]).toMatchObject({ filters: [{ name: 'CSV', extensions: ['csv'] }], properties: ['openFile'] });
    await expect(setup({ canceled: true }).platform.pickFile!([])).resolves.toBeNull();
  });
});

describe('electronNotifier', () => {
  /** A stand-in for Electron's Notification class: what was shown, and whether the OS supports it. */
  function fakeNotification(supported: boolean) {
    const shown: Array<{ title: string; body: string }> = [];
    const Fake = class {
      constructor(private readonly options: { title: string; body: string }) {}
      static isSupported = () => supported;
      show() {
        shown.push(this.options);
      }
    };
    return { Notification: Fake as unknown as NotificationLike, shown };
  }

  it('shows what the backend asks, in the OS language it reports', () => {
    const fake = fakeNotification(true);
    const notifier = electronNotifier({ Notification: fake.Notification, locale: 'de-AT' })!;
    expect(notifier.language).toBe('de');
    notifier.show({ title: 'Heute fällig in Attaché: 1 Eintrag', body: 'Memo senden' });
    expect(fake.shown).toEqual([{ title: 'Heute fällig in Attaché: 1 Eintrag', body: 'Memo senden' }]);
  });

  it('is absent where the OS has no notification centre', () => {
    expect(electronNotifier({ Notification: fakeNotification(false).Notification, locale: 'en-GB' })).toBeUndefined();
  });
});
