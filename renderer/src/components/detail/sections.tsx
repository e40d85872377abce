import { Anchor, List, Text, Title, type ListProps, type MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NoteKind, NoteStatus } from '../../../../shared/features/notes/schema';
import { languageFromTag } from '../../../../shared/i18n';
import { formatDate } from '../../lib/format';

/** A titled part of a detail pane (summary, linked cases, …), named by its heading for screen readers. */
export function DetailSection({ id, title, mt, className, children }: { id: string; title: string; mt?: MantineSpacing; className?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className={className}>
      <Title order={3} size="h5" id={id} mt={mt} mb={4}>
        {title}
      </Title>
      {children}
    </section>
  );
}

/** Stands where a list of linked records would be when there are none. */
export function EmptyLine({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c="dimmed">
      {children}
    </Text>
  );
}

interface NoteRef {
  id: string;
  title: string;
  kind: NoteKind;
  status: NoteStatus;
  updatedAt: string;
}

type NoteLinksProps = Omit<ListProps, 'children'> & {
  notes: readonly NoteRef[];
  /** Said when no note refers to the record. */
  none: string;
  /** With the day each note was last changed (a person's notes: how current the knowledge is). */
  dated?: boolean;
};

/** The strategy notes that refer to a record, each with its kind and status. */
export function NoteLinks({ notes, none, dated, ...listProps }: NoteLinksProps) {
  const { t, i18n } = useTranslation();
  if (!notes.length) return <EmptyLine>{none}</EmptyLine>;
  return (
    <List size="sm" spacing={4} {...listProps}>
      {notes.map((n) => (
        <List.Item key={n.id}>
          <Anchor component={Link} to={`/notes/${n.id}`} size="sm">
            {n.title}
          </Anchor>{' '}
          <Text span size="xs" c="dimmed">
            {t(`notes.kinds.${n.kind}`, { defaultValue: n.kind })} · {t(`notes.statuses.${n.status}`, { defaultValue: n.status })}
            {dated ? ` · ${formatDate(n.updatedAt.slice(0, 10), languageFromTag(i18n.language))}` : null}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
