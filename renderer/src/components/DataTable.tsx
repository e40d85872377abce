import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type VisibilityState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

export interface SortState<K extends string> {
  key: K;
  direction: 'asc' | 'desc';
}

export interface DataTableProps<T, K extends string> {
  rows: T[];
  columns: Array<ColumnDef<T, unknown> & { meta?: { sortKey?: K; width?: string } }>;
  getRowId: (row: T) => string;
  label: string;
  selectedId?: string | null;
  onActivate: (row: T) => void;
  sort?: SortState<K>;
  onSortChange?: (sort: SortState<K>) => void;
  columnVisibility?: VisibilityState;
  rowHeight?: number;
  empty?: React.ReactNode;
}

/**
 * A virtualised, sortable list table. The table body holds focus; ↑/↓/Home/End/PageUp/PageDown
 * move the active row (announced through aria-activedescendant) and Enter opens it. Sorting is done
 * by the caller (the backend), so tens of thousands of rows cost only the rows on screen.
 */
export function DataTable<T, K extends string>(props: DataTableProps<T, K>) {
  const { rows, columns, getRowId, label, selectedId, onActivate, sort, onSortChange, rowHeight = 36 } = props;
  const { t } = useTranslation();
  const baseId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);

  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    getRowId: (row) => getRowId(row),
    state: { columnVisibility: props.columnVisibility ?? {} },
  });
  const tableRows = table.getRowModel().rows;

  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });

  // Keep the active row on the selected record when the selection changes from outside.
  useEffect(() => {
    if (!selectedId) return;
    const i = rows.findIndex((r) => getRowId(r) === selectedId);
    if (i >= 0) setActive(i);
  }, [selectedId, rows, getRowId]);

  useEffect(() => {
    if (active >= rows.length && rows.length > 0) setActive(rows.length - 1);
  }, [rows.length, active]);

  const move = (to: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, to));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (rows.length === 0) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / rowHeight) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      Home: () => move(0),
      End: () => move(rows.length - 1),
      PageDown: () => move(active + page),
      PageUp: () => move(active - page),
      Enter: () => rows[active] && onActivate(rows[active]!),
    };
    const action = keys[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  };

  const rowDomId = (i: number) => `${baseId}-row-${i}`;
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const template = headers.map((h) => (h.column.columnDef.meta as { width?: string } | undefined)?.width ?? '1fr').join(' ');
  const items = virtualizer.getVirtualItems();

  return (
    <div className="data-table">
      <div
        ref={scrollRef}
        className="data-table-scroll"
        role="grid"
        aria-label={label}
        aria-rowcount={rows.length + 1}
        aria-colcount={headers.length}
        tabIndex={0}
        onKeyDown={onKeyDown}
        aria-activedescendant={rows.length ? rowDomId(active) : undefined}
      >
        <div role="rowgroup" className="data-table-head">
          <div role="row" aria-rowindex={1} className="data-table-row" style={{ gridTemplateColumns: template }}>
            {headers.map((header) => {
              const meta = header.column.columnDef.meta as { sortKey?: K } | undefined;
              const sortKey = meta?.sortKey;
              const sorted = sortKey && sort?.key === sortKey ? sort.direction : null;
              const content = flexRender(header.column.columnDef.header, header.getContext());
              return (
                <div
                  key={header.id}
                  role="columnheader"
                  className="data-table-cell data-table-header"
                  aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : sortKey ? 'none' : undefined}
                >
                  {sortKey && onSortChange ? (
                    <UnstyledButton
                      className="data-table-sort"
                      onClick={() =>
                        onSortChange({ key: sortKey, direction: sorted === 'asc' ? 'desc' : sorted === 'desc' ? 'asc' : 'asc' })
                      }
                    >
                      <span>{content}</span>
                      {sorted === 'asc' ? (
                        <IconArrowUp size={14} aria-label={t('common.sortAscending')} />
                      ) : sorted === 'desc' ? (
                        <IconArrowDown size={14} aria-label={t('common.sortDescending')} />
                      ) : (
                        <IconSelector size={14} aria-hidden />
                      )}
                    </UnstyledButton>
                  ) : (
                    content
                  )}
                </div>
              );
            })}
          </div>
        </div>
        <div role="rowgroup" className="data-table-body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = tableRows[item.index]!;
            const id = getRowId(row.original);
            return (
              <div
                key={row.id}
                id={rowDomId(item.index)}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={id === selectedId}
                data-active={item.index === active || undefined}
                className="data-table-row data-table-data-row"
                style={{ gridTemplateColumns: template, transform: `translateY(${item.start}px)`, height: rowHeight }}
                onClick={() => {
                  setActive(item.index);
                  onActivate(row.original);
                }}
              >
                {row.getVisibleCells().map((cell) => (
                  <div key={cell.id} role="gridcell" className="data-table-cell">
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
        {rows.length === 0 && props.empty ? <div className="data-table-empty">{props.empty}</div> : null}
      </div>
    </div>
  );
}
