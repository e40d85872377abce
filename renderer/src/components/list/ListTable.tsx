import { Text } from '@mantine/core';
import { useMatch, useNavigate } from 'react-router';
import { DataTable, type Column, type SortState } from '../DataTable';
import type { ListSelection } from './useSelection';

/** Stable across renders, so the table's rows need not re-render for it. */
const rowId = (r: { id: string }) => r.id;

interface Props<R extends { id: string }, K extends string> {
  /** The screen's path ("/cases"): a row opens at `${base}/${id}`, and the open one is selected. */
  base: string;
  label: string;
  state: {
    rows: { total: number; rowAt: (index: number) => R | undefined; onRangeChange: (start: number, end: number) => void; isLoading: boolean };
    sort: SortState<K>;
    setSort: (sort: SortState<K>) => void;
    filtered: boolean;
  };
  columns: Array<Column<R, K>>;
  rowHeight?: number;
  /** Said when the list has no rows at all, and when the filters leave none. */
  empty: string;
  noMatch: string;
  /** Multi-selection with a checkbox per row (useFilteredList's `selection`), named by `rowName`. */
  selection?: ListSelection;
  rowName?: (row: R) => string;
}

/** The windowed table of a list screen, tied to the route: the open record is the selected row. */
export function ListTable<R extends { id: string }, K extends string>({ base, label, state, columns, rowHeight, empty, noMatch, selection, rowName }: Props<R, K>) {
  const navigate = useNavigate();
  const match = useMatch(`${base}/:id/*`);
  const selectedId = match?.params.id && match.params.id !== 'new' ? match.params.id : null;
  const { rows } = state;
  return (
    <DataTable<R, K>
      rowCount={rows.total}
      rowAt={rows.rowAt}
      onRangeChange={rows.onRangeChange}
      columns={columns}
      getRowId={rowId}
      rowHeight={rowHeight}
      label={label}
      selectedId={selectedId}
      onActivate={(row) => navigate(`${base}/${row.id}`)}
      sort={state.sort}
      onSortChange={state.setSort}
      selection={selection}
      rowName={rowName}
      empty={
        rows.isLoading ? null : (
          <Text c="dimmed" size="sm">
            {state.filtered ? noMatch : empty}
          </Text>
        )
      }
    />
  );
}
