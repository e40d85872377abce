// The case summaries chapter (internal only): status, client, countries and summary of each case the trip or its agenda touches.
import { countryName } from '../../../../../shared/features/countries/names';
import type { Block } from '../../model';
import { chapter, type SectionBuilder } from './data';

export const caseSummaries: SectionBuilder = ({ trip, t, ix, lang, items, none }) => {
  const cases = [...new Set([...trip.caseIds, ...items.flatMap((i) => i.caseIds)])].map((id) => ix.caseById(id)).filter((c) => !!c);
  if (!cases.length) return null;
  const blocks: Block[] = [];
  for (const c of cases) {
    blocks.push({ kind: 'heading', level: 2, text: `${c!.reference} ${c!.title}` });
    blocks.push({
      kind: 'fields',
      rows: [
        { label: t('cases.fields.status'), value: t(`cases.status.${c!.status}`) },
        { label: t('cases.fields.client'), value: ix.organisation(c!.clientId)?.name ?? (c!.client || none) },
        { label: t('cases.fields.countries'), value: c!.countries.map((k) => countryName(k, lang)).join(', ') || none },
        { label: t('cases.fields.owner'), value: c!.owner || none },
      ],
    });
    if (c!.summary) blocks.push({ kind: 'paragraph', text: c!.summary });
  }
  return chapter(t('book.sections.caseSummaries'), blocks);
};
