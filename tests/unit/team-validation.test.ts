/**
 * The team link's own sentences survive the error envelope: a schema message that is a feature's
 * catalogue key (team.errors.plainHttp) reaches the form as that key, not as a generic
 * "invalid", and parameters after "|" still travel; zod's own sentences still map to generic keys.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issueMessage } from '../../shared/validation';
import { openTestBackend } from './helpers/workspace';

describe('field messages from the team schema', () => {
  it('arrive in the envelope as the team’s keys', async () => {
    const backend = await openTestBackend();
    const envelope = await backend.dispatch('team.test', { url: 'http://couch.example.org', database: 'Team DB', user: 'anna', password: 'x', share: [] });
    expect(envelope.ok).toBe(false);
    if (envelope.ok) return;
    expect(envelope.error.code).toBe('VALIDATION');
    expect(envelope.error.fields).toEqual({ url: { key: 'team.errors.plainHttp' }, database: { key: 'team.errors.badDatabase' } });
    const inUrl = await backend.dispatch('team.connect', { url: 'https://anna:pw@couch.example.org', database: 'team', user: 'anna', password: 'x', share: ['cases'] });
    expect(inUrl.ok ? null : inUrl.error.fields).toEqual({ url: { key: 'team.errors.credentialsInUrl' } });
  });

  it('keep parameters, and leave zod’s own sentences to the generic keys', () => {
    const tooBig = z.string().max(3, { message: 'validation.tooBig|max=3' }).safeParse('abcd');
    expect(issueMessage(tooBig.error!.issues[0]!)).toEqual({ key: 'validation.tooBig', params: { max: '3' } });
    const plain = z.string().refine(() => false, { message: 'Not a good value.' }).safeParse('a');
    expect(issueMessage(plain.error!.issues[0]!)).toEqual({ key: 'validation.invalid' });
    const word = z.string().refine(() => false, { message: 'encryption' }).safeParse('a');
    expect(issueMessage(word.error!.issues[0]!)).toEqual({ key: 'validation.invalid' });
  });
});
