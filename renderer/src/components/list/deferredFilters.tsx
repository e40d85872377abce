/**
 * A list's filter menus (each a Mantine MultiSelect: a combobox, a popover, floating-ui's
 * positioning) cost more to mount than the first rows of the table below them; the people list has
 * seven. Inside a list pane they mount right after the pane's first commit, in a transition React
 * renders in slices and interrupts for the rows' data, so the rows are painted first. Until then each
 * stands in as an empty box of the same size and placeholder (hidden from assistive technology and
 * not focusable), so nothing moves when the real field takes its place. Outside a list pane (the
 * editors' pickers) there is no waiting.
 */
import { ComboboxChevron } from '@mantine/core';
import { createContext, startTransition, useContext, useEffect, useState, type ReactNode } from 'react';

const Waiting = createContext(false);

/** Around a list pane's filters: they wait for the first commit, then mount in a transition. */
export function DeferredFilters({ children }: { children: ReactNode }) {
  const [ready, setReady] = useState(false);
  useEffect(() => startTransition(() => setReady(true)), []);
  return <Waiting.Provider value={!ready}>{children}</Waiting.Provider>;
}

/** True while the filter this is called in should show its stand-in. */
export function useFilterWaiting(): boolean {
  return useContext(Waiting);
}

/** The look of an empty filter field with its placeholder, and nothing else. */
export function FilterStandIn({ placeholder }: { placeholder?: ReactNode }) {
  return (
    <div className="filter-standin" aria-hidden="true">
      <span>{placeholder}</span>
      <ComboboxChevron />
    </div>
  );
}
