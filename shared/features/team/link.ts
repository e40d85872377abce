/**
 * The link of a workspace to a CouchDB team database, as its settings keep it. Apart from the rest
 * of the team's shapes (./schema.ts) because the settings schema imports it, and the rest imports
 * the database schema, which imports the settings.
 */
import { z } from 'zod';
import { Id } from '../../schemas/common';
import { text } from '../../schemas/text';

/**
 * What a workspace can share, in the words of the Settings screen. Each names the collections it
 * carries; reminders and saved views are one advisor's own and never travel.
 */
export const shareKinds = ['contacts', 'cases', 'notes', 'trips', 'cooperations', 'strategy'] as const;
export type ShareKind = (typeof shareKinds)[number];
export const ShareKind = z.enum(shareKinds);

export const ShareList = z
  .array(ShareKind)
  .max(shareKinds.length)
  .transform((list) => [...new Set(list)]);

/** Host names that mean "this machine": plain http is allowed to them only. */
const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * The server's address: https, or http to this machine only (a test peer, a tunnel). No user or
 * password inside the address (they are asked for apart and kept sealed), no query or fragment.
 */
export const TeamUrl = z
  .string()
  .trim()
  .min(1, { message: 'validation.required' })
  .max(2000, { message: 'validation.tooBig|max=2000' })
  .superRefine((value, ctx) => {
    // shared/ has no URL class (no DOM, no Node): the address is taken apart by this pattern.
    const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)([?#].*)?$/i.exec(value);
    if (!m) {
      ctx.addIssue({ code: 'custom', message: 'team.errors.badUrl' });
      return;
    }
    const protocol = m[1]!.toLowerCase();
    const authority = m[2]!;
    if (authority.includes('@')) ctx.addIssue({ code: 'custom', message: 'team.errors.credentialsInUrl' });
    const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
    const host = (hostPort.startsWith('[') ? hostPort.slice(0, hostPort.indexOf(']') + 1) : hostPort.replace(/:\d+$/, '')).toLowerCase();
    const port = hostPort.slice(host.length);
    if (!/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)$/.test(host) || (port !== '' && !/^:\d{1,5}$/.test(port)) || m[4]) ctx.addIssue({ code: 'custom', message: 'team.errors.badUrl' });
    else if (protocol !== 'https' && protocol !== 'http') ctx.addIssue({ code: 'custom', message: 'team.errors.badUrl' });
    else if (protocol === 'http' && !loopbackHosts.has(host)) ctx.addIssue({ code: 'custom', message: 'team.errors.plainHttp' });
  })
  .transform((value) => value.replace(/\/+$/, ''));

/** CouchDB's rule for database names. */
export const DatabaseName = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_$()+/-]{0,127}$/, { message: 'team.errors.badDatabase' });

export const TeamUser = text(120).pipe(z.string().min(1, { message: 'validation.required' }));

/** Where the team password is kept: sealed by the OS keychain, inside the encrypted workspace, or for this session only. */
export const passwordKeeps = ['device', 'workspace', 'session'] as const;
export const PasswordKeep = z.enum(passwordKeeps);
export type PasswordKeep = z.infer<typeof PasswordKeep>;

/** The stored password: never in the clear in a plain workspace (see the team service). */
export const KeptPassword = z.discriminatedUnion('keep', [
  z.object({ keep: z.literal('device'), sealed: z.string().max(4096) }),
  z.object({ keep: z.literal('workspace'), value: z.string().max(512) }),
]);

/** The link as the workspace's settings keep it. */
export const TeamLink = z.object({
  url: TeamUrl,
  database: DatabaseName,
  user: TeamUser,
  share: ShareList,
  /** This copy of the workspace: its own changes coming back from the server are not applied twice. */
  device: Id,
  /** The mirror's sequence up to which the team's changes are in the store (written with them, atomically). */
  appliedSeq: z.number().int().nonnegative(),
  password: KeptPassword.nullable(),
  /**
   * Kinds shared again after a pause: at the next start each of their records that changed here
   * meanwhile joins the team's version as a conflicting branch (./sync.ts rejoin), never silently
   * replacing or replaced by it.
   */
  rejoin: z.array(z.string().max(40)).max(40).default([]),
  /** Documents of the team kept aside (invalid, newer, unknown, or waiting for a record they name): retried as the team's changes arrive. */
  held: z
    .array(z.object({ docId: z.string().max(300), reason: z.enum(['unknownType', 'newerSchema', 'invalid', 'tooLarge', 'missingReference']), detail: z.string().max(500) }))
    .max(10_000)
    .default([]),
});
export type TeamLink = z.infer<typeof TeamLink>;

