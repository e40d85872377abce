/**
 * The process the team crash test kills (tests/unit/team-crash.test.ts): it opens a workspace
 * through the real backend, links it to the team database (or gives the password again after a
 * restart, where it was kept for the session only), then creates organisations as fast as it can
 * while the sync engine writes its mirror and replicates — so a kill lands inside sync work — and
 * prints each acknowledged save.
 *
 * argv: dataDir url database user password
 */
import { writeSync } from 'node:fs';
import { openBackend, downloadPlatform } from '../../electron/backend';

const [dataDir, url, database, user, password] = process.argv.slice(2) as [string, string, string, string, string];
const say = (line: string) => writeSync(1, `${line}\n`);

async function main() {
  const backend = await openBackend({ dataDir, platform: downloadPlatform, kdf: { N: 2 ** 14, r: 8, p: 1 } });
  const call = async (name: string, input: unknown) => {
    const env = await backend.dispatch(name, input);
    if (!env.ok) throw new Error(`${name}: ${env.error.code} ${env.error.message}`);
    return env.data as never;
  };
  const status = (await call('workspace.status', {})) as { state: string };
  if (status.state === 'new') await call('workspace.initialize', { sample: false });
  const team = (await call('team.status', {})) as { state: string };
  if (team.state === 'off') await call('team.connect', { url, database, user, password, share: ['contacts', 'cases'] });
  else if (team.state === 'needsPassword') await call('team.unlock', { password });
  say('ready');
  for (let n = 1; ; n++) {
    const name = `Org ${process.pid}-${n}`;
    const org = (await call('organisations.create', { name })) as { id: string };
    say(`put\t${org.id}\t${name}`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`writer failed: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(2);
});
