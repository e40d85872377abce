/**
 * A bounded kill -9 run inside `npm test` (the long one is `npm run crash`): a writer process is
 * killed at random points, plain and encrypted; every next start must open the workspace with every
 * acknowledged write, no temp file and only restorable backups.
 */
import { describe, expect, it } from 'vitest';
import { crashRun } from '../crash/harness';

describe('kill -9 during writes', () => {
  it('35 kills of a plain workspace: 0 unreadable, 0 lost acknowledged writes, 0 temp files, every start succeeds', async () => {
    const report = await crashRun({ kills: 35, seed: 11 });
    expect(report.problems).toEqual([]);
    expect(report.kills).toBe(35);
    expect(report.acknowledged).toBeGreaterThan(35);
    expect({ unreadable: report.unreadable, lost: report.lostWrites, temps: report.tempFilesLeft, badBackups: report.badBackups, failedStarts: report.failedStarts }).toEqual({ unreadable: 0, lost: 0, temps: 0, badBackups: 0, failedStarts: 0 });
  }, 300_000);

  it('15 kills of an encrypted workspace: the same', async () => {
    const report = await crashRun({ kills: 15, seed: 29, passphrase: 'crash test passphrase' });
    expect(report.problems).toEqual([]);
    expect({ unreadable: report.unreadable, lost: report.lostWrites, temps: report.tempFilesLeft, badBackups: report.badBackups, failedStarts: report.failedStarts }).toEqual({ unreadable: 0, lost: 0, temps: 0, badBackups: 0, failedStarts: 0 });
  }, 300_000);
});
