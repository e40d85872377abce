import { Anchor, Badge, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A label, its value, and whether it needs the full width (lists of addresses). */
export type Fact = [string, ReactNode, { wide?: boolean }?];

/** The label/value grid at the top of a detail pane. */
export function Facts({ items }: { items: Fact[] }) {
  return (
    <dl className="facts">
      {items.map(([label, value, opts]) => (
        <div key={label} className="fact" style={opts?.wide ? { gridColumn: '1 / -1' } : undefined}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Tags({ values }: { values: readonly string[] }) {
  if (!values.length) return <>—</>;
  return (
    <Group gap={4}>
      {values.map((v) => (
        <Badge key={v} variant="outline" radius="sm" size="sm" tt="none">
          {v}
        </Badge>
      ))}
    </Group>
  );
}

/** Linked records in a fact, comma-separated, each opening at `${base}/${id}`. */
export function LinkList({ items, base }: { items: ReadonlyArray<{ id: string; label: string }>; base: string }) {
  if (!items.length) return <>—</>;
  return (
    <span>
      {items.map((i, n) => (
        <span key={i.id}>
          {n > 0 ? ', ' : ''}
          <Anchor component={Link} to={`${base}/${i.id}`} size="sm">
            {i.label}
          </Anchor>
        </span>
      ))}
    </span>
  );
}
