import { Text } from '@mantine/core';
import { Suspense, type ComponentType } from 'react';
import { Route, Routes } from 'react-router';
import { Loading } from '../Loading';

/**
 * What the detail pane beside a list shows for `new`, `:id/edit`, `:id`, and with nothing open. The
 * editor and the detail may be lazy (their code loads when first opened): the pane waits for them.
 */
export function DetailRoutes({ editor: Editor, detail: Detail, hint }: { editor: ComponentType; detail: ComponentType; hint: string }) {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        {/* Keyed, so going from editing a record to a new one starts from an empty form. */}
        <Route path="new" element={<Editor key="new" />} />
        <Route path=":id/edit" element={<Editor />} />
        <Route path=":id" element={<Detail />} />
        <Route
          index
          element={
            <div className="placeholder">
              <Text c="dimmed">{hint}</Text>
            </div>
          }
        />
      </Routes>
    </Suspense>
  );
}
