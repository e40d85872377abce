import { Anchor } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useApi } from '../../api/context';

export interface CaseLabel {
  id: string;
  reference: string;
  title: string;
}

/** Reference and title of each case id (sharing the case screen's cache); ids that no longer resolve are left out. */
export function useCaseLabels(ids: readonly string[]): Map<string, CaseLabel> {
  const api = useApi();
  const unique = [...new Set(ids)];
  const results = useQueries({
    queries: unique.map((id) => ({ queryKey: ['cases', 'get', id], queryFn: () => api.cases.get({ id }), staleTime: 30_000 })),
  });
  const out = new Map<string, CaseLabel>();
  results.forEach((r) => {
    if (r.data) out.set(r.data.id, { id: r.data.id, reference: r.data.reference, title: r.data.title });
  });
  return out;
}

export function CaseLink({ label }: { label: CaseLabel }) {
  return (
    <Anchor component={Link} to={`/cases/${label.id}`} size="sm">
      {label.reference} {label.title}
    </Anchor>
  );
}

/** Links to the cases, comma-separated, in the given order. */
export function CaseLinks({ ids, labels }: { ids: readonly string[]; labels: Map<string, CaseLabel> }) {
  const known = ids.map((id) => labels.get(id)).filter((l): l is CaseLabel => !!l);
  if (!known.length) return <>—</>;
  return (
    <>
      {known.map((l, n) => (
        <span key={l.id}>
          {n > 0 ? ', ' : ''}
          <CaseLink label={l} />
        </span>
      ))}
    </>
  );
}
