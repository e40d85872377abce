/**
 * The one staging area for files the window sends in slices (an import's CSV, an archive to open):
 * the web host cannot hand the backend a path, so the bytes arrive as calls. Held in memory only
 * (nothing of a staged file reaches the disk, so an encrypted workspace leaks nothing), each kind
 * of file with its own rules: the largest size, how long an untouched file is kept, how many are
 * held at once, the largest slice. A slice must continue the file exactly where it stands; a
 * refused slice leaves the file as it was, except one that would grow it past its announced size,
 * which drops it. Each feature names its errors (its own message keys), so the window's words stay
 * the feature's. Discarding, expiry and a newer file of a kind that holds only a few drop the bytes.
 */
import type { AppError } from '../../../../shared/errors';

export interface StagingRules {
  /** The largest file accepted (announced size and bytes received). */
  maxBytes: number;
  /** The largest single slice. */
  maxSlice: number;
  /** An untouched file is dropped after this long. */
  expiresMs: number;
  /** Files of this kind held at once; a new one drops the least recently touched. */
  maxFiles: number;
  errors: {
    tooLarge: (size: number) => AppError;
    /** A slice that does not continue the file (wrong offset, wrong total, too big a slice). */
    slice: (expected: number, got: number) => AppError;
    /** No such file: never staged, expired, discarded, or staged as another kind. */
    gone: () => AppError;
    /** The file was asked for whole before all of it arrived. */
    incomplete: (received: number, size: number) => AppError;
  };
}

/** A staged file and what its feature keeps with it (an import's parsed table, say). */
export interface StagedFile<M> {
  readonly id: string;
  readonly size: number;
  readonly received: number;
  meta: M;
}

interface Entry {
  kind: string;
  id: string;
  size: number;
  chunks: Buffer[];
  received: number;
  touchedAt: number;
  meta: unknown;
}

export function createStaging(clock: { now: () => Date; newId: () => string }) {
  const files = new Map<string, Entry>();
  const kinds = new Map<string, StagingRules>();
  const now = () => clock.now().getTime();

  /** Drops every file, of any kind, left untouched longer than its kind allows (on each use of the area). */
  const prune = () => {
    const t = now();
    for (const [id, e] of files) if (t - e.touchedAt > (kinds.get(e.kind)?.expiresMs ?? 0)) files.delete(id);
  };

  /** One kind of file with its rules; every kind shares the one store. */
  function area<M>(kind: string, rules: StagingRules) {
    kinds.set(kind, rules);

    function entry(id: string): Entry {
      prune();
      const e = files.get(id);
      if (!e || e.kind !== kind) throw rules.errors.gone();
      e.touchedAt = now();
      return e;
    }

    const view = (e: Entry): StagedFile<M> => ({
      id: e.id,
      size: e.size,
      received: e.received,
      get meta() {
        return e.meta as M;
      },
      set meta(value: M) {
        e.meta = value;
      },
    });

    return {
      /** A new file of `size` bytes; refused when too large. May drop the least recently touched of this kind. */
      begin(size: number, meta: M): StagedFile<M> {
        if (size > rules.maxBytes) throw rules.errors.tooLarge(size);
        prune();
        const mine = [...files.values()].filter((e) => e.kind === kind).sort((a, b) => a.touchedAt - b.touchedAt);
        for (const old of mine.slice(0, Math.max(0, mine.length - rules.maxFiles + 1))) files.delete(old.id);
        const e: Entry = { kind, id: clock.newId(), size, chunks: [], received: 0, touchedAt: now(), meta };
        files.set(e.id, e);
        return view(e);
      },

      /**
       * The next slice, at `offset` (which must be what has arrived so far) of a file announced as
       * `size` bytes (when the slice says so). Returns the bytes received in all.
       */
      append(id: string, offset: number, bytes: Buffer, size?: number): number {
        const e = entry(id);
        // Not the next slice (a resent or skipped one): refused, the file stays as it was.
        if (offset !== e.received || (size !== undefined && size !== e.size) || bytes.byteLength > rules.maxSlice) throw rules.errors.slice(e.received, offset);
        // The next slice, but the file would grow past what it announced: not that file, dropped.
        if (e.received + bytes.byteLength > e.size || e.received + bytes.byteLength > rules.maxBytes) {
          files.delete(id);
          throw rules.errors.tooLarge(e.received + bytes.byteLength);
        }
        if (bytes.byteLength) e.chunks.push(bytes);
        e.received += bytes.byteLength;
        return e.received;
      },

      /** Replaces the whole content at once (a file the backend read itself, from the shell's dialog). */
      fill(id: string, bytes: Buffer): void {
        const e = entry(id);
        if (bytes.byteLength > rules.maxBytes) {
          files.delete(id);
          throw rules.errors.tooLarge(bytes.byteLength);
        }
        e.chunks = [bytes];
        e.received = e.size = bytes.byteLength;
      },

      get(id: string): StagedFile<M> {
        return view(entry(id));
      },

      /** The whole file, once every byte has arrived (its slices joined once, then kept joined). */
      bytes(id: string): Buffer {
        const e = entry(id);
        if (e.received !== e.size) throw rules.errors.incomplete(e.received, e.size);
        if (e.chunks.length > 1) e.chunks = [Buffer.concat(e.chunks)];
        return e.chunks[0] ?? Buffer.alloc(0);
      },

      /** A copy of the whole file in one fresh buffer the caller owns (it may transfer it to a thread); the slices stay staged. */
      copy(id: string): Uint8Array {
        const e = entry(id);
        if (e.received !== e.size) throw rules.errors.incomplete(e.received, e.size);
        const out = new Uint8Array(e.size);
        let at = 0;
        for (const c of e.chunks) {
          out.set(c, at);
          at += c.byteLength;
        }
        return out;
      },

      /** Lets go of the bytes but keeps the file's entry and meta (an import once its table is read). */
      release(id: string): void {
        entry(id).chunks = [];
      },

      /** Drops the file; an unknown id is no error (discarding twice is harmless). */
      discard(id: string): void {
        const e = files.get(id);
        if (e?.kind === kind) files.delete(id);
      },
    };
  }

  return {
    area,
    /** Bytes held now, over every kind (tests see a discard free them). */
    heldBytes: () => {
      prune();
      return [...files.values()].reduce((sum, e) => sum + e.chunks.reduce((s, c) => s + c.byteLength, 0), 0);
    },
    /** Files held now, over every kind. */
    count: () => {
      prune();
      return files.size;
    },
  };
}

export type Staging = ReturnType<typeof createStaging>;
