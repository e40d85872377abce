// The contact sheet chapter: everyone the delegation meets or travels with, with function, e-mail and phone.
import { displayName, type ContactRecord } from '../../../../../shared/features/contacts/schema';
import { chapter, type SectionBuilder } from './data';

export const contactSheet: SectionBuilder = ({ trip, t, ix, lang, items, none, currentRole, phones }) => {
  const people = new Map<string, ContactRecord>();
  for (const m of trip.members) if (m.kind === 'contact' && ix.contact(m.contactId)) people.set(m.contactId, ix.contact(m.contactId)!);
  for (const i of items) for (const id of i.counterpartIds) if (ix.contact(id)) people.set(id, ix.contact(id)!);
  if (!people.size) return null;
  return chapter(t('book.sections.contactSheet'), [
    {
      kind: 'table',
      // The e-mail column is the widest: most addresses fit on one line, longer ones break
      // after the '@' (the renderer's line-breaker); names and functions wrap at spaces, and
      // the phone column fits an international number with its groups on one line.
      columns: [
        { label: t('book.columns.name'), width: 2 },
        { label: t('book.columns.function'), width: 3 },
        { label: t('book.columns.email'), width: 3.4 },
        { label: t('book.columns.phone'), width: 2.3 },
      ],
      rows: [...people.values()]
        .sort((a, b) => a.familyName.localeCompare(b.familyName, lang))
        .map((c) => {
          const { role, organisation } = currentRole(c);
          return [displayName(c), [role, organisation].filter(Boolean).join(', ') || none, c.emails.map((e) => e.address).join('\n') || none, phones(c).join('\n') || none];
        }),
    },
  ]);
};
