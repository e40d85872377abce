/**
 * Carrying out an erasure (GDPR Art. 17), the one sequence every erasure follows — a person erased
 * on this machine (contacts.erase) and one erased by a colleague and received through the team
 * database (services/team): a backup first; the register beside the database written before the
 * database, so a crash in between still leaves the erasure to be re-applied; the caches that hold
 * the person's words dropped before and after; the records, their references and every trash copy
 * gone in one store update; then the journal folded into a fresh database file so no older state
 * of them stays on disk.
 */
import type { ErasureEntry } from '../../../shared/schemas/database';
import type { ServiceContext } from './context';
import { describeErasure, planErasure, unionRegisters, writeErasure } from './erasure';
import { moveDamagedRegisterAside, readErasureRegister, writeErasureRegister } from './erasure-register';

export interface ErasureDone {
  impact: Omit<ReturnType<typeof describeErasure>, 'label'>;
  /** The file a damaged register was moved to, or null. */
  registerMovedAside: string | null;
}

/**
 * Erases `entries` (each record with what only it owns). `check` runs inside the store update
 * against the published data and may refuse (the record changed meanwhile); nothing is then erased
 * and the register says so too.
 */
export async function eraseRecords(ctx: ServiceContext, entries: readonly ErasureEntry[], check: () => void = () => undefined): Promise<ErasureDone> {
  const { store } = ctx;
  const sidecar = await readErasureRegister(store.dataDir);
  await store.backupNow('erasure');
  const registerMovedAside = sidecar.state === 'damaged' ? await moveDamagedRegisterAside(store.dataDir, ctx.now()) : null;
  await writeErasureRegister(store.dataDir, unionRegisters(sidecar.erasures, store.db.erasures, entries));
  await store.dropCaches();
  let impact;
  try {
    impact = await store.update((draft) => {
      check();
      const erasure = planErasure(store.db, entries, entries[0]?.erasedAt ?? ctx.now().toISOString());
      writeErasure(draft, erasure);
      draft.erasures = unionRegisters(store.db.erasures, entries);
      return describeErasure(erasure, '', entries[0]?.collection ?? 'contacts');
    });
  } catch (e) {
    await writeErasureRegister(store.dataDir, unionRegisters(sidecar.erasures, store.db.erasures));
    throw e;
  }
  await store.compact();
  await store.dropCaches();
  const { label: _label, ...summary } = impact;
  return { impact: summary, registerMovedAside };
}
