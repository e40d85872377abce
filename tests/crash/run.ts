/**
 * The long crash run: `npm run crash` (default 1,000 kills; CRASH_KILLS=n, CRASH_ENCRYPTED=1).
 * Prints the figures the issue asks for.
 */
import { crashRun } from './harness';

const kills = Number(process.env.CRASH_KILLS ?? 1000);
const passphrase = process.env.CRASH_ENCRYPTED === '1' ? 'crash run passphrase' : undefined;
const started = Date.now();
const report = await crashRun({ kills, seed: Number(process.env.CRASH_SEED ?? 1), ...(passphrase ? { passphrase } : {}), log: (s) => process.stderr.write(`\r${s}   `) });
process.stderr.write('\n');
console.log(`crash run (${passphrase ? 'encrypted' : 'plain'}): ${report.kills} kills in ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`  acknowledged writes: ${report.acknowledged}`);
console.log(`  unreadable workspaces: ${report.unreadable}`);
console.log(`  lost acknowledged writes: ${report.lostWrites}`);
console.log(`  temp files left after the next start: ${report.tempFilesLeft}`);
console.log(`  backups listed but not restorable: ${report.badBackups}`);
console.log(`  starts that failed: ${report.failedStarts}`);
for (const p of report.problems.slice(0, 20)) console.log(`  ! ${p}`);
process.exit(report.problems.length ? 1 : 0);
