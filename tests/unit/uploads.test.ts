/**
 * The one staging area for files sent in slices (services/workspace/uploads.ts), as imports and
 * archives use it through the real backend, and as a module where the bytes it holds are counted:
 * a slice that does not continue the file is refused and the file stays as it was, a file over its
 * limit is refused (or dropped once it grows past what it announced), an untouched file expires,
 * a discarded one is gone with its bytes, and one kind's id is not another kind's.
 */
import { describe, expect, it } from 'vitest';
import { createStaging, type StagingRules } from '../../electron/backend/services/workspace/uploads';
import { AppError } from '../../shared/errors';
import { base64Parts, MAX_ARCHIVE_BYTES } from '../../shared/features/archive/schema';
import { IMPORT_CHUNK_BYTES, MAX_IMPORT_BYTES, toPieces } from '../../shared/features/imports/schema';
import { csv, utf8 } from '../fixtures/imports';
import { openTestBackend, rejection } from './helpers/workspace';

const base64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
const MINUTE = 60 * 1000;

/** A clock the test moves. */
function movableClock() {
  let at = Date.parse('2026-11-21T10:00:00Z');
  return { now: () => new Date(at), advance: (ms: number) => (at += ms) };
}

const refused = (what: string) => () => new AppError('VALIDATION', what);
const rules = (over: Partial<StagingRules> = {}): StagingRules => ({
  maxBytes: 100,
  maxSlice: 10,
  expiresMs: 5 * MINUTE,
  maxFiles: 2,
  errors: { tooLarge: refused('tooLarge'), slice: refused('slice'), gone: refused('gone'), incomplete: refused('incomplete') },
  ...over,
});
const message = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('the upload staging area', () => {
  it('imports: an out-of-order slice is refused and the file goes on from where it stood; a file that grows past its size is dropped', async () => {
    const tb = await openTestBackend();
    const bytes = utf8(csv([['First Name', 'Last Name'], ...Array.from({ length: 80_000 }, (_, i) => [`G${i}`, `F${i}`])]));
    expect(bytes.length).toBeGreaterThan(IMPORT_CHUNK_BYTES);
    const { uploadId } = await tb.call('imports.begin', { fileName: 'people.csv', size: bytes.length });
    const slice = (offset: number) => ({ uploadId, offset, data: toPieces(bytes.subarray(offset, offset + IMPORT_CHUNK_BYTES), base64) });
    // The second slice first: refused, nothing taken.
    expect(await rejection(tb.call('imports.upload', slice(IMPORT_CHUNK_BYTES)))).toMatchObject({ code: 'CONFLICT', messageKey: { key: 'imports.errors.slice' } });
    // Reading before the file is whole is refused too.
    expect((await rejection(tb.call('imports.analyse', { uploadId }))).messageKey?.key).toBe('imports.errors.incomplete');
    for (let offset = 0; offset < bytes.length; offset += IMPORT_CHUNK_BYTES) await tb.call('imports.upload', slice(offset));
    // The first slice again, once the file is whole: refused (it continues nothing).
    expect((await rejection(tb.call('imports.upload', slice(0)))).messageKey?.key).toBe('imports.errors.slice');
    const { jobId } = await tb.call('imports.analyse', { uploadId });
    for (;;) {
      const s = await tb.call('imports.status', { jobId });
      if (s.state === 'running') {
        await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      expect(s).toMatchObject({ state: 'done', result: { rowCount: 80_000 } });
      break;
    }

    // Over the limit before a byte is sent; grown past the announced size, dropped.
    expect((await rejection(tb.call('imports.begin', { fileName: 'huge.csv', size: MAX_IMPORT_BYTES + 1 }))).messageKey?.key).toBe('imports.errors.tooLarge');
    const small = await tb.call('imports.begin', { fileName: 'small.csv', size: 3 });
    expect((await rejection(tb.call('imports.upload', { uploadId: small.uploadId, offset: 0, data: [base64(utf8('a,b\n1,2\n'))] }))).messageKey?.key).toBe('imports.errors.tooLarge');
    expect((await rejection(tb.call('imports.upload', { uploadId: small.uploadId, offset: 0, data: [base64(utf8('a,b'))] }))).messageKey?.key).toBe('imports.errors.gone');
  });

  it('archives: a slice that does not continue is refused, one over the limit too, and a discarded archive is gone', async () => {
    const tb = await openTestBackend();
    expect((await rejection(tb.call('archive.upload', { total: MAX_ARCHIVE_BYTES + 1, offset: 0, parts: [] }))).messageKey).toEqual({
      key: 'archive.errors.tooLarge',
      params: { max: 200 },
    });
    expect((await rejection(tb.call('archive.upload', { total: 10, offset: 4, parts: base64Parts(new Uint8Array(4)) }))).messageKey?.key).toBe('archive.errors.upload');
    const { uploadId, received } = await tb.call('archive.upload', { total: 10, offset: 0, parts: base64Parts(new Uint8Array(4)) });
    expect(received).toBe(4);
    expect((await rejection(tb.call('archive.upload', { uploadId, total: 10, offset: 8, parts: base64Parts(new Uint8Array(2)) }))).messageKey?.key).toBe('archive.errors.upload');
    expect((await rejection(tb.call('archive.upload', { uploadId, total: 12, offset: 4, parts: base64Parts(new Uint8Array(2)) }))).messageKey?.key).toBe('archive.errors.upload');
    expect((await rejection(tb.call('archive.inspect', { uploadId }))).messageKey?.key).toBe('archive.errors.upload'); // not whole yet
    // The refused slices changed nothing: the file goes on at 4.
    expect(await tb.call('archive.upload', { uploadId, total: 10, offset: 4, parts: base64Parts(new Uint8Array(6)) })).toEqual({ uploadId, received: 10 });
    // An import's upload id is not an archive's.
    const imported = await tb.call('imports.begin', { fileName: 'people.csv', size: 10 });
    expect((await rejection(tb.call('archive.inspect', { uploadId: imported.uploadId }))).messageKey?.key).toBe('archive.errors.notStaged');
    expect((await rejection(tb.call('imports.analyse', { uploadId }))).messageKey?.key).toBe('imports.errors.gone');

    await tb.call('archive.discard', { uploadId });
    expect((await rejection(tb.call('archive.inspect', { uploadId }))).messageKey?.key).toBe('archive.errors.notStaged');
    await tb.call('imports.discard', { uploadId: imported.uploadId });
    expect((await rejection(tb.call('imports.upload', { uploadId: imported.uploadId, offset: 0, data: [base64(utf8('a'))] }))).messageKey?.key).toBe('imports.errors.gone');
  });

  it('an untouched file expires: an import after an hour, an archive after half an hour; a touched one does not', async () => {
    const clock = movableClock();
    const tb = await openTestBackend({ now: clock.now });
    const bytes = utf8('First Name\r\nAda\r\n');
    const begin = () => tb.call('imports.begin', { fileName: 'few.csv', size: bytes.length });
    const kept = await begin();
    const left = await begin();
    const archive = await tb.call('archive.upload', { total: 10, offset: 0, parts: base64Parts(new Uint8Array(4)) });

    clock.advance(29 * MINUTE);
    await tb.call('imports.upload', { uploadId: kept.uploadId, offset: 0, data: [base64(bytes)] }); // touched
    expect((await tb.call('archive.upload', { uploadId: archive.uploadId, total: 10, offset: 4, parts: base64Parts(new Uint8Array(2)) })).received).toBe(6);
    clock.advance(31 * MINUTE);
    expect((await rejection(tb.call('archive.upload', { uploadId: archive.uploadId, total: 10, offset: 6, parts: base64Parts(new Uint8Array(4)) }))).messageKey?.key).toBe(
      'archive.errors.notStaged',
    );
    clock.advance(2 * MINUTE); // 62 minutes after the import began, 33 after `kept` was last touched
    expect((await rejection(tb.call('imports.upload', { uploadId: left.uploadId, offset: 0, data: [base64(bytes)] }))).messageKey?.key).toBe('imports.errors.gone');
    const { jobId } = await tb.call('imports.analyse', { uploadId: kept.uploadId });
    expect(jobId).toBeTruthy();
  });

  it('holds the bytes until discarded, expired or replaced, each kind under its own rules', () => {
    const clock = movableClock();
    let n = 0;
    const staging = createStaging({ now: clock.now, newId: () => `id-${++n}` });
    const a = staging.area<{ name: string }>('a', rules());
    const b = staging.area<null>('b', rules({ maxFiles: 1, maxBytes: 20 }));

    const first = a.begin(12, { name: 'first' });
    expect(a.append(first.id, 0, Buffer.alloc(10, 1))).toBe(10);
    expect(message(() => a.append(first.id, 0, Buffer.alloc(2)))).toBe('slice'); // out of order
    expect(message(() => a.append(first.id, 10, Buffer.alloc(2), 13))).toBe('slice'); // another total
    expect(message(() => a.append(first.id, 10, Buffer.alloc(3)))).toBe('tooLarge'); // past the size: dropped
    expect(message(() => a.get(first.id))).toBe('gone');
    expect(staging.heldBytes()).toBe(0);

    const second = a.begin(12, { name: 'second' });
    a.append(second.id, 0, Buffer.alloc(10, 2));
    expect(message(() => a.bytes(second.id))).toBe('incomplete');
    a.append(second.id, 10, Buffer.alloc(2, 3));
    expect([...a.bytes(second.id)]).toEqual([...Buffer.alloc(10, 2), 3, 3]);
    expect(a.get(second.id).meta).toEqual({ name: 'second' });
    expect(message(() => a.append(second.id, 12, Buffer.alloc(1)))).toBe('tooLarge');

    // Over a kind's limits: the file, and a slice larger than allowed.
    expect(message(() => b.begin(21, null))).toBe('tooLarge');
    const third = a.begin(50, { name: 'third' });
    expect(message(() => a.append(third.id, 0, Buffer.alloc(11)))).toBe('slice');
    a.append(third.id, 0, Buffer.alloc(10));
    expect(staging.heldBytes()).toBe(10);
    // A kind does not see another's files.
    expect(message(() => b.get(third.id))).toBe('gone');
    b.discard(third.id);
    expect(a.get(third.id).received).toBe(10);

    // At most maxFiles of a kind: a new one drops the least recently touched.
    const one = b.begin(5, null);
    b.append(one.id, 0, Buffer.alloc(5));
    const two = b.begin(5, null);
    expect(message(() => b.get(one.id))).toBe('gone');
    expect(b.get(two.id).size).toBe(5);
    expect(staging.heldBytes()).toBe(10);

    // Released bytes go, the entry and its meta stay; a discard drops both.
    a.release(third.id);
    expect(staging.heldBytes()).toBe(0);
    expect(a.get(third.id).meta).toEqual({ name: 'third' });
    a.discard(third.id);
    a.discard(third.id); // twice is harmless
    expect(message(() => a.get(third.id))).toBe('gone');

    // Expiry: untouched for longer than the kind's time.
    const late = a.begin(3, { name: 'late' });
    a.append(late.id, 0, Buffer.alloc(3));
    clock.advance(5 * MINUTE);
    expect(a.get(late.id).received).toBe(3); // just within, and touched now
    clock.advance(5 * MINUTE + 1);
    expect(message(() => a.get(late.id))).toBe('gone');
    // …and every other kind's untouched file went with it.
    expect(staging.count()).toBe(0);
  });
});
