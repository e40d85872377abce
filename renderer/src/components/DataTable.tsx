import { UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface SortState<K extends string> {
  key: K;
  direction: 'asc' | 'desc';
}

export interface Column<T, K extends string = string> {
  id: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** The backend sort key this column sorts by, if any. */
  sortKey?: K;
  /** CSS grid track, e.g. "120px" or "minmax(160px, 2fr)". */
  width?: string;
}

export interface DataTableProps<T, K extends string> {
  /** Rows in the whole (filtered) list; only those on screen need to be loaded. */
  rowCount: number;
  /** The row at an index, or undefined while its window is loading. */
  rowAt: (index: number) => T | undefined;
  /**
   * Called with the index range on screen (plus overscan), so the caller can load it. The range is
   * widened to whole blocks of RANGE_BLOCK rows (the windowed list's page size), so scrolling within
   * a block does not re-render the caller on every frame.
   */
  onRangeChange?: (start: number, end: number) => void;
  columns: Array<Column<T, K>>;
  /** Best stable across renders (a module-level function), like `columns` (memoised). */
  getRowId: (row: T) => string;
  label: string;
  selectedId?: string | null;
  onActivate: (row: T) => void;
  sort?: SortState<K>;
  onSortChange?: (sort: SortState<K>) => void;
  rowHeight?: number;
  empty?: ReactNode;
}

/** Rows per block of the range reported to `onRangeChange`; matches the windowed list's page. */
const RANGE_BLOCK = 100;

interface RowProps<T, K extends string> {
  index: number;
  row: T | undefined;
  domId: string;
  selected: boolean;
  active: boolean;
  columns: Array<Column<T, K>>;
  template: string;
  rowHeight: number;
  onRowClick: (index: number, row: T | undefined) => void;
}

/**
 * One data row. Memoised: while scrolling only the rows entering the window render; the others keep
 * their props (the row object from the cache, the memoised columns, a stable click handler).
 */
function DataRowImpl<T, K extends string>({ index, row, domId, selected, active, columns, template, rowHeight, onRowClick }: RowProps<T, K>) {
  return (
    <div
      id={domId}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      aria-busy={row ? undefined : true}
      data-active={active || undefined}
      className="data-table-row data-table-data-row"
      // In flow inside the translated window (app.css still positions rows absolutely).
      style={{ gridTemplateColumns: template, height: rowHeight, position: 'static' }}
      onClick={() => onRowClick(index, row)}
    >
      {columns.map((column) => (
        <div key={column.id} role="gridcell" className="data-table-cell">
          {row ? column.cell(row) : <span className="data-table-placeholder" aria-hidden />}
        </div>
      ))}
    </div>
  );
}

const DataRow = memo(DataRowImpl) as typeof DataRowImpl;

/**
 * A virtualised list table over a windowed source. The grid holds focus; ↑/↓/Home/End/PageUp/
 * PageDown move the active row (announced through aria-activedescendant) and Enter opens it.
 * Sorting and filtering happen in the backend, so 50,000 rows cost only the rows on screen.
 */
export function DataTable<T, K extends string>(props: DataTableProps<T, K>) {
  const { rowCount, rowAt, columns, getRowId, label, selectedId, onActivate, sort, onSortChange, onRangeChange, rowHeight = 36 } = props;
  const { t } = useTranslation();
  const baseId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);

  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 16,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  const blockStart = Math.floor(first / RANGE_BLOCK) * RANGE_BLOCK;
  const blockEnd = Math.max(blockStart, Math.min(rowCount - 1, (Math.floor(last / RANGE_BLOCK) + 1) * RANGE_BLOCK - 1));
  useEffect(() => {
    onRangeChange?.(blockStart, blockEnd);
  }, [blockStart, blockEnd, onRangeChange]);

  // The caller's onActivate is often an inline closure; the rows get one stable handler instead.
  const activateRef = useRef(onActivate);
  useLayoutEffect(() => {
    activateRef.current = onActivate;
  });
  const onRowClick = useCallback((index: number, row: T | undefined) => {
    setActive(index);
    if (row) activateRef.current(row);
  }, []);

  // Keep the active row on the selected record when the selection changes from outside.
  useEffect(() => {
    if (!selectedId) return;
    for (let i = first; i <= last; i++) {
      const row = rowAt(i);
      if (row && getRowId(row) === selectedId) {
        setActive(i);
        return;
      }
    }
  }, [selectedId, first, last, rowAt, getRowId]);

  useEffect(() => {
    if (active >= rowCount && rowCount > 0) setActive(rowCount - 1);
  }, [rowCount, active]);

  const move = (to: number) => {
    const next = Math.max(0, Math.min(rowCount - 1, to));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (rowCount === 0 || e.target !== e.currentTarget) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / rowHeight) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      Home: () => move(0),
      End: () => move(rowCount - 1),
      PageDown: () => move(active + page),
      PageUp: () => move(active - page),
      Enter: () => {
        const row = rowAt(active);
        if (row) onActivate(row);
      },
    };
    const action = keys[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  };

  const rowDomId = (i: number) => `${baseId}-row-${i}`;
  const template = columns.map((c) => c.width ?? '1fr').join(' ');
  // Narrower than its columns' minimums, the table scrolls sideways instead of clipping a column.
  const minWidth = tableMinWidth(columns);

  return (
    <div className="data-table">
      <div
        ref={scrollRef}
        className="data-table-scroll"
        role="grid"
        aria-label={label}
        aria-rowcount={rowCount + 1}
        aria-colcount={columns.length}
        tabIndex={0}
        onKeyDown={onKeyDown}
        aria-activedescendant={rowCount && active >= first && active <= last ? rowDomId(active) : undefined}
      >
        <div role="rowgroup" className="data-table-head" style={{ minWidth }}>
          <div role="row" aria-rowindex={1} className="data-table-row" style={{ gridTemplateColumns: template }}>
            {columns.map((column) => {
              const sorted = column.sortKey && sort?.key === column.sortKey ? sort.direction : null;
              return (
                <div
                  key={column.id}
                  role="columnheader"
                  className="data-table-cell data-table-header"
                  aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : column.sortKey ? 'none' : undefined}
                >
                  {column.sortKey && onSortChange ? (
                    <UnstyledButton
                      className="data-table-sort"
                      onClick={() => onSortChange({ key: column.sortKey!, direction: sorted === 'asc' ? 'desc' : 'asc' })}
                    >
                      <span title={column.header}>{column.header}</span>
                      {sorted === 'asc' ? (
                        <IconArrowUp size={14} aria-label={t('common.sortAscending')} />
                      ) : sorted === 'desc' ? (
                        <IconArrowDown size={14} aria-label={t('common.sortDescending')} />
                      ) : (
                        <IconSelector size={14} aria-hidden />
                      )}
                    </UnstyledButton>
                  ) : (
                    <span className="data-table-header-text" title={column.header}>
                      {column.header}
                    </span>
                  )}
                </div>
              );
            })}
          </div>
        </div>
        <div role="rowgroup" className="data-table-body" style={{ height: virtualizer.getTotalSize(), minWidth }}>
          {/* The window of rows moves as one block: one transform instead of one per row. */}
          <div role="presentation" style={{ transform: `translateY(${items[0]?.start ?? 0}px)` }}>
            {items.map((item) => {
              const row = rowAt(item.index);
              const id = row ? getRowId(row) : null;
              return (
                <DataRow<T, K>
                  key={id ?? `loading-${item.index}`}
                  index={item.index}
                  row={row}
                  domId={rowDomId(item.index)}
                  selected={id !== null && id === selectedId}
                  active={item.index === active}
                  columns={columns}
                  template={template}
                  rowHeight={rowHeight}
                  onRowClick={onRowClick}
                />
              );
            })}
          </div>
        </div>
        {rowCount === 0 && props.empty ? <div className="data-table-empty">{props.empty}</div> : null}
      </div>
    </div>
  );
}

/** The narrowest a grid track can be: "120px" → 120, "minmax(160px, 2fr)" → 160, a bare "1fr" → 80. */
export function minTrackWidth(track: string | undefined): number {
  const px = /^(?:minmax\()?\s*(\d+(?:\.\d+)?)px/.exec(track ?? '');
  return px ? Number(px[1]) : 80;
}

/** The narrowest `columns` fit side by side without clipping one. */
export const tableMinWidth = (columns: ReadonlyArray<{ width?: string }>) => columns.reduce((sum, c) => sum + minTrackWidth(c.width), 0);

/** What a list asks for beside an open record: its columns at their narrowest, room for titles, the scrollbar. */
export const preferredListWidth = (columns: ReadonlyArray<{ width?: string }>) => tableMinWidth(columns) + 80;
