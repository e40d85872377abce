import { Checkbox, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
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
  /**
   * Multi-selection (a set of ids, see useSelection): a checkbox column named per row, a header
   * checkbox, Space / Shift+Space / Ctrl+A / Escape in the grid, Shift+click and Ctrl/Cmd+click.
   * Rows then carry aria-selected for the selection and aria-current for the open record.
   */
  selection?: TableSelection;
  /** How a row is named in its checkbox's label ("Select Amina Mwangi"). */
  rowName?: (row: T) => string;
}

/** What the table needs of a selection (useSelection gives it). */
export interface TableSelection {
  selected: ReadonlySet<string>;
  state: 'none' | 'some' | 'all';
  toggle: (index: number, id: string) => void;
  extendTo: (index: number) => void;
  selectAll: () => void;
  clear: () => void;
  gridRef?: { current: HTMLDivElement | null };
}

/** The checkbox column's track. */
const CHECK_TRACK = '40px';

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
  onRowClick: (index: number, row: T | undefined, e: MouseEvent) => void;
  /** With a selection: whether this row is checked, and its checkbox's label. */
  checked?: boolean;
  checkLabel?: string;
  onCheck?: (index: number, row: T, shift: boolean) => void;
}

/** A checkbox keeps focus on the grid (the keys live there); a click only toggles. */
const keepFocus = (e: MouseEvent) => e.preventDefault();

/**
 * One data row. Memoised: while scrolling only the rows entering the window render; the others keep
 * their props (the row object from the cache, the memoised columns, a stable click handler).
 */
function DataRowImpl<T, K extends string>({ index, row, domId, selected, active, columns, template, rowHeight, onRowClick, checked, checkLabel, onCheck }: RowProps<T, K>) {
  const selectable = onCheck !== undefined;
  return (
    <div
      id={domId}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selectable ? !!checked : selected}
      aria-current={selectable && selected ? 'true' : undefined}
      aria-busy={row ? undefined : true}
      data-active={active || undefined}
      data-open={(selectable && selected) || undefined}
      className="data-table-row data-table-data-row"
      // In flow inside the translated window (app.css still positions rows absolutely).
      style={{ gridTemplateColumns: template, height: rowHeight, position: 'static' }}
      onClick={(e) => onRowClick(index, row, e)}
    >
      {selectable ? (
        <div role="gridcell" className="data-table-cell data-table-check">
          {row ? (
            <Checkbox
              size="xs"
              tabIndex={-1}
              aria-label={checkLabel}
              checked={!!checked}
              onChange={() => undefined}
              onMouseDown={keepFocus}
              onClick={(e) => {
                e.stopPropagation();
                onCheck(index, row, e.shiftKey);
              }}
            />
          ) : null}
        </div>
      ) : null}
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
  const { rowCount, rowAt, columns, getRowId, label, selectedId, onActivate, sort, onSortChange, onRangeChange, rowHeight = 36, selection, rowName } = props;
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
  const selectionRef = useRef(selection);
  useLayoutEffect(() => {
    selectionRef.current = selection;
  });
  const onRowClick = useCallback((index: number, row: T | undefined, e: MouseEvent) => {
    setActive(index);
    const sel = selectionRef.current;
    // With a selection, Shift+click extends a range and Ctrl/Cmd+click toggles; a plain click opens.
    if (sel && row && e.shiftKey) return sel.extendTo(index);
    if (sel && row && (e.ctrlKey || e.metaKey)) return sel.toggle(index, getRowIdRef.current(row));
    if (row) activateRef.current(row);
  }, []);
  const getRowIdRef = useRef(getRowId);
  useLayoutEffect(() => {
    getRowIdRef.current = getRowId;
  });
  const onCheck = useCallback((index: number, row: T, shift: boolean) => {
    setActive(index);
    const sel = selectionRef.current;
    if (!sel) return;
    if (shift) sel.extendTo(index);
    else sel.toggle(index, getRowIdRef.current(row));
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
    if (selection && onSelectionKey(e)) {
      e.preventDefault();
      e.stopPropagation();
      return;
    }
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

  /** Space toggles the active row, Shift+Space extends to it, Ctrl/Cmd+A selects all shown, Escape clears. */
  const onSelectionKey = (e: KeyboardEvent<HTMLDivElement>): boolean => {
    if (!selection) return false;
    if (e.key === ' ' && !e.ctrlKey && !e.metaKey && !e.altKey) {
      const row = rowAt(active);
      if (!row) return true;
      if (e.shiftKey) selection.extendTo(active);
      else selection.toggle(active, getRowId(row));
      return true;
    }
    if ((e.key === 'a' || e.key === 'A') && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey) {
      selection.selectAll();
      return true;
    }
    if (e.key === 'Escape' && selection.selected.size > 0) {
      selection.clear();
      return true;
    }
    return false;
  };

  const setGrid = useCallback(
    (node: HTMLDivElement | null) => {
      scrollRef.current = node;
      if (selection?.gridRef) selection.gridRef.current = node;
    },
    [selection?.gridRef],
  );

  const rowDomId = (i: number) => `${baseId}-row-${i}`;
  const template = (selection ? [CHECK_TRACK] : []).concat(columns.map((c) => c.width ?? '1fr')).join(' ');
  // Narrower than its columns' minimums, the table scrolls sideways instead of clipping a column.
  const minWidth = tableMinWidth(columns) + (selection ? minTrackWidth(CHECK_TRACK) : 0);

  return (
    <div className="data-table">
      <div
        ref={setGrid}
        className="data-table-scroll"
        role="grid"
        aria-label={label}
        aria-rowcount={rowCount + 1}
        aria-colcount={columns.length + (selection ? 1 : 0)}
        aria-multiselectable={selection ? true : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        aria-activedescendant={rowCount && active >= first && active <= last ? rowDomId(active) : undefined}
      >
        <div role="rowgroup" className="data-table-head" style={{ minWidth }}>
          <div role="row" aria-rowindex={1} className="data-table-row" style={{ gridTemplateColumns: template }}>
            {selection ? (
              <div role="columnheader" className="data-table-cell data-table-header data-table-check">
                <Checkbox
                  size="xs"
                  aria-label={t('selection.selectAll')}
                  checked={selection.state === 'all'}
                  indeterminate={selection.state === 'some'}
                  disabled={rowCount === 0}
                  onChange={() => (selection.state === 'all' ? selection.clear() : selection.selectAll())}
                />
              </div>
            ) : null}
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
                  {...(selection
                    ? { checked: id !== null && selection.selected.has(id), checkLabel: row && rowName ? t('selection.selectRow', { name: rowName(row) }) : undefined, onCheck }
                    : {})}
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
