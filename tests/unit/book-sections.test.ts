import { describe, expect, it } from 'vitest';
import { composerOrder, moveSection, printOrder } from '../../shared/features/trips/book-sections';
import { bookSections } from '../../shared/features/trips/schema';

describe('briefing-book section order', () => {
  it('prints cover and contents first, the rest as ordered, each once', () => {
    expect(printOrder(['contactSheet', 'contents', 'meetings', 'cover', 'meetings'])).toEqual(['cover', 'contents', 'contactSheet', 'meetings']);
  });

  it('puts unticked sections back after their standard predecessor', () => {
    const order = composerOrder(['cover', 'meetings', 'delegation']);
    expect(order).toHaveLength(bookSections.length);
    // Meetings were moved before the delegation; the itinerary follows the delegation, the country profile the meetings.
    expect(order.slice(0, 4)).toEqual(['cover', 'contents', 'meetings', 'countryProfile']);
    expect(order.indexOf('itinerary')).toBe(order.indexOf('delegation') + 1);
    expect(new Set(order)).toEqual(new Set(bookSections));
  });

  it('moves a section by one place, never above or onto the cover and contents', () => {
    const order = composerOrder([...bookSections]);
    expect(moveSection(order, 'contactSheet', -1).indexOf('contactSheet')).toBe(order.indexOf('contactSheet') - 1);
    expect(moveSection(order, 'delegation', -1)).toEqual(order);
    expect(moveSection(order, 'cover', 1)).toEqual(order);
    expect(moveSection(order, 'notesPages', 1)).toEqual(order);
  });
});
