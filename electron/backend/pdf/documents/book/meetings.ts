// The meetings chapter: one page per meeting with substance (when, where, whom), its objectives,
// and for the delegation its talking points, the counterparts' last contacts and open tasks, the
// preparation and the linked cases.
import type { Language } from '../../../../../shared/i18n';
import { displayName, type ContactRecord } from '../../../../../shared/features/contacts/schema';
import { zoneLabel } from '../../../../../shared/features/trips/zones';
import type { Block, RichText } from '../../model';
import { richBlocks } from '../../rich-blocks';
import { chapter, type SectionBuilder } from './data';

/** A page used less than this (a fraction of its text height) is not left nearly empty by a meeting's page break. */
const SHORT_PAGE = 0.4;

export const meetings: SectionBuilder = ({ t, ix, lang, external, meetings, none, date, currentRole }) => {
  if (!meetings.length) return null;
  const blocks: Block[] = [];
  let previousShort = false;
  meetings.forEach((m, n) => {
    const counterparts = m.counterpartIds.map((id) => ix.contact(id)).filter((c): c is ContactRecord => !!c);
    const points = external ? [] : withoutLeadingHeading(richBlocks(m.talkingPoints), t('book.meeting.talkingPoints'));
    // A meeting with substance starts a page; one with only logistics (no counterparts,
    // objectives or talking points) follows the previous meeting instead of getting a near-empty
    // page. When such a short one had to move to a fresh page, the next meeting fills that page.
    const substantial = counterparts.length > 0 || m.objectives.trim() !== '' || points.length > 0;
    if (n > 0 && substantial) blocks.push(previousShort ? { kind: 'pageBreak', ifFilled: SHORT_PAGE } : { kind: 'pageBreak' });
    previousShort = !substantial;
    blocks.push({ kind: 'heading', level: 2, text: m.title });
    const org = m.organisationId ? ix.organisation(m.organisationId) : undefined;
    blocks.push({
      kind: 'fields',
      keepTogether: true,
      rows: [
        { label: t('book.meeting.when'), value: `${date(m.date)}, ${m.start}–${m.end} ${zoneLabel(m.timeZone, lang)}` },
        { label: t('book.meeting.where'), value: m.place || none },
        { label: t('book.meeting.organisation'), value: org ? org.name : none },
        { label: t('book.meeting.counterparts'), value: counterparts.map(displayName).join(', ') || none },
      ],
    });
    if (substantial) {
      blocks.push({ kind: 'heading', level: 3, text: t('book.meeting.objectives'), toc: false });
      blocks.push({ kind: 'paragraph', text: m.objectives || none });
    }
    if (points.length) blocks.push({ kind: 'heading', level: 3, text: t('book.meeting.talkingPoints'), toc: false }, ...points);
    if (counterparts.length) {
      blocks.push({ kind: 'heading', level: 3, text: t('book.meeting.profiles'), toc: false });
      for (const c of counterparts) {
        const { role, organisation } = currentRole(c);
        const rows: Array<{ label: string; value: RichText }> = [
          { label: t('book.columns.name'), value: [{ text: displayName(c), bold: true }, ...(c.nativeName ? [{ text: ` (${c.nativeName})` }] : [])] },
          { label: t('book.meeting.position'), value: [role, organisation].filter(Boolean).join(', ') || none },
          { label: t('book.meeting.languages'), value: c.languages.map((l) => languageName(l, lang)).join(', ') || none },
        ];
        if (!external) {
          const last = [...ix.activitiesOfContact(c.id)].sort((a, b) => b.date.localeCompare(a.date)).slice(0, 3);
          rows.push({
            label: t('book.meeting.lastContacts'),
            value: last.length ? last.map((a) => `${date(a.date)} — ${a.title || t(`timeline.kinds.${a.kind}`)}`).join('\n') : t('book.meeting.noneRecorded'),
          });
          const withThem = new Set([...ix.casesOfContact(c.id).map((x) => x.id), ...ix.activitiesOfContact(c.id).map((a) => a.caseId).filter((x): x is string => !!x)]);
          const open = [...withThem].flatMap((caseId) => ix.tasksOfCase(caseId)).filter((task) => !task.done);
          rows.push({
            label: t('book.meeting.openTasks'),
            value: open.length ? open.slice(0, 6).map((task) => `${task.title}${task.dueOn ? ` (${date(task.dueOn)})` : ''}`).join('\n') : t('book.meeting.noneRecorded'),
          });
        }
        blocks.push({ kind: 'fields', rows, keepTogether: true });
      }
    }
    if (!external && m.preparation) {
      blocks.push({ kind: 'heading', level: 3, text: t('book.meeting.preparation'), toc: false }, { kind: 'paragraph', text: m.preparation });
    }
    if (!external && m.caseIds.length) {
      const cases = m.caseIds.map((id) => ix.caseById(id)).filter((c) => !!c);
      blocks.push({ kind: 'heading', level: 3, text: t('book.meeting.linkedCases'), toc: false }, { kind: 'list', items: cases.map((c) => `${c!.reference} ${c!.title}`) });
    }
  });
  return chapter(t('book.sections.meetings'), blocks);
};

/** Talking points that open with their own "Talking points" heading would print it twice under ours. */
function withoutLeadingHeading(blocks: Block[], title: string): Block[] {
  const first = blocks[0];
  return first?.kind === 'heading' && first.text.trim().toLocaleLowerCase() === title.toLocaleLowerCase() ? blocks.slice(1) : blocks;
}

function languageName(code: string, lang: Language): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
