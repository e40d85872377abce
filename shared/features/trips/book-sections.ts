import { bookSections, type BookSection } from './schema';

/** A book opens with its cover and then its contents, wherever the user put them. */
const pinned: readonly BookSection[] = ['cover', 'contents'];

export const isPinnedSection = (s: BookSection): boolean => pinned.includes(s);

/** The print order of the chosen sections: pinned ones first, the rest as the user ordered them, once each. */
export function printOrder(chosen: readonly BookSection[]): BookSection[] {
  const unique = [...new Set(chosen)];
  return [...pinned.filter((s) => unique.includes(s)), ...unique.filter((s) => !isPinnedSection(s))];
}

/**
 * Every section in the composer's order: the chosen ones as printed, and each unchosen one after
 * the nearest section that comes before it in the standard order, so ticking it again puts it
 * where a reader expects it.
 */
export function composerOrder(chosen: readonly BookSection[]): BookSection[] {
  const order = printOrder(chosen);
  for (const s of bookSections) {
    if (order.includes(s)) continue;
    const before = bookSections.slice(0, bookSections.indexOf(s)).reverse().find((p) => order.includes(p));
    order.splice(before ? order.indexOf(before) + 1 : 0, 0, s);
  }
  return order;
}

/** The order with `section` moved one place up (-1) or down (+1); pinned sections and their places stay. */
export function moveSection(order: readonly BookSection[], section: BookSection, delta: -1 | 1): BookSection[] {
  const from = order.indexOf(section);
  const to = from + delta;
  if (isPinnedSection(section) || from < 0 || to < 0 || to >= order.length || isPinnedSection(order[to]!)) return [...order];
  const next = [...order];
  next.splice(from, 1);
  next.splice(to, 0, section);
  return next;
}
