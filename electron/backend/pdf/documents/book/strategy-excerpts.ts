// The strategy excerpts chapter (internal only): the opening of each note of the trip and its cases.
import type { Block, RichText } from '../../model';
import { richBlocks } from '../../rich-blocks';
import { chapter, type SectionBuilder } from './data';

export const strategyExcerpts: SectionBuilder = ({ trip, t, ix, date }) => {
  const notes = [...new Set([...trip.noteIds, ...trip.caseIds.flatMap((c) => ix.notesOfCase(c).map((n) => n.id))])].map((id) => ix.note(id)).filter((n) => !!n);
  if (!notes.length) return null;
  const blocks: Block[] = [];
  for (const n of notes) {
    blocks.push({ kind: 'heading', level: 2, text: n!.title });
    blocks.push({ kind: 'paragraph', text: `${t(`notes.kinds.${n!.kind}`)} · ${t(`notes.statuses.${n!.status}`)} · ${date(n!.updatedAt.slice(0, 10))}`, tone: 'muted', keepWithNext: true });
    const parts = richBlocks(n!.body);
    const excerpt = excerptOf(parts);
    blocks.push(...excerpt);
    if (excerpt.length < parts.length) blocks.push({ kind: 'paragraph', text: '…', tone: 'muted' });
  }
  return chapter(t('book.sections.strategyExcerpts'), blocks);
};

const plainLength = (r: RichText) => (typeof r === 'string' ? r.length : r.reduce((s, x) => s + x.text.length, 0));

/** About a page of text: the budget, in characters, of a strategy excerpt. */
export const EXCERPT_BUDGET = 1800;

/**
 * The opening of a note, up to about a page: whole blocks until the budget is spent. An excerpt never
 * ends with a heading (or a rule) whose text was cut off: trailing headings are dropped.
 */
export function excerptOf(parts: readonly Block[], budget = EXCERPT_BUDGET): Block[] {
  const out: Block[] = [];
  for (const b of parts) {
    if (budget <= 0) break;
    out.push(b);
    budget -= b.kind === 'paragraph' ? plainLength(b.text) : b.kind === 'list' ? b.items.reduce((s, x) => s + plainLength(x), 0) : 200;
  }
  while (out.length && (out[out.length - 1]!.kind === 'heading' || out[out.length - 1]!.kind === 'spacer')) out.pop();
  return out;
}
