// The delegation chapter: who travels, head first, with their roles and functions.
import type { SectionBuilder } from './data';
import { chapter } from './data';

export const delegation: SectionBuilder = ({ trip, t, ix, external, none, memberName, currentRole }) => {
  if (!trip.members.length) return null;
  return chapter(t('book.sections.delegation'), [
    ...(trip.purpose && !external ? [{ kind: 'paragraph' as const, text: trip.purpose }] : []),
    {
      kind: 'table',
      columns: [
        { label: t('book.columns.name'), width: 3 },
        { label: t('book.columns.role'), width: 2 },
        { label: t('book.columns.function'), width: 4 },
      ],
      rows: [...trip.members]
        .sort((a, b) => Number(b.role === 'head') - Number(a.role === 'head'))
        .map((m) => {
          const c = m.kind === 'contact' ? ix.contact(m.contactId) : undefined;
          const fn = m.kind === 'staff' ? m.function : c ? Object.values(currentRole(c)).filter(Boolean).join(', ') : '';
          return [memberName(m), t(`book.roles.${m.role}`), fn || none];
        }),
    },
  ]);
};
