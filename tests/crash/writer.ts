/**
 * The process the crash harness kills: it opens a workspace through the real backend (lock, store,
 * services), then writes as fast as it can — creates, edits and deletes cases, with a small
 * compaction threshold and a backup every few writes so kills land in every kind of write — and
 * prints each acknowledged write to stdout the moment the backend has confirmed it.
 *
 * argv: dataDir seed [encrypted passphrase]
 */
import { writeSync } from 'node:fs';
import { openBackend, downloadPlatform } from '../../electron/backend';

const [dataDir, seedArg, passphrase] = process.argv.slice(2);
let seed = Number(seedArg) >>> 0 || 1;
const random = () => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
const say = (line: string) => writeSync(1, `${line}\n`);

async function main() {
  const backend = await openBackend({ dataDir: dataDir!, platform: downloadPlatform, kdf: { N: 2 ** 14, r: 8, p: 1 }, compactAt: 24 * 1024 });
  const call = async (name: string, input: unknown) => {
    const env = await backend.dispatch(name, input);
    if (!env.ok) throw new Error(`${name}: ${env.error.code} ${env.error.message}`);
    return env.data as never;
  };
  let status = (await call('workspace.status', {})) as { state: string };
  if (status.state === 'new') status = await call('workspace.initialize', passphrase ? { sample: false, passphrase } : { sample: false });
  if (status.state === 'locked') status = await call('workspace.unlock', { passphrase });
  if (status.state !== 'ready') throw new Error(`workspace is ${status.state}`);
  say('ready');
  const live: Array<{ id: string; revision: number }> = backend.store.db.cases.map((c) => ({ id: c.id, revision: c.revision }));
  for (let n = 1; ; n++) {
    const r = random();
    if (live.length < 5 || r < 0.45) {
      const title = `Case ${n} ${'·'.repeat(Math.floor(random() * 150))}`;
      const c = (await call('cases.create', { title, openedOn: '2026-01-01' })) as { id: string; revision: number };
      live.push({ id: c.id, revision: c.revision });
      say(`put\t${c.id}\t${c.revision}\t${title.length}`);
    } else if (r < 0.9) {
      const target = live[Math.floor(random() * live.length)]!;
      const title = `Edited ${n} ${'~'.repeat(Math.floor(random() * 150))}`;
      const c = (await call('cases.update', { id: target.id, revision: target.revision, changes: { title } })) as { revision: number };
      target.revision = c.revision;
      say(`put\t${target.id}\t${c.revision}\t${title.length}`);
    } else if (r < 0.97) {
      const at = Math.floor(random() * live.length);
      const target = live[at]!;
      // Announced first: a delete that lands but is killed before its acknowledgement is not a lost write.
      say(`deleting\t${target.id}`);
      await call('cases.delete', { id: target.id, revision: target.revision });
      live.splice(at, 1);
      say(`del\t${target.id}`);
    } else {
      await call('workspace.backupNow', {});
      say('backup');
    }
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`writer failed: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(2);
});
