/** One family, three heading levels, generous margins: the briefing-book look in numbers (points). */
export const theme = {
  page: { size: 'A4' as const, width: 595.28, height: 841.89 },
  margin: { top: 78, bottom: 74, left: 66, right: 66 },
  headerY: 34,
  footerGap: 40,
  size: { body: 10, small: 8.5, h1: 19, h2: 13.5, h3: 11, cover: 28, coverKicker: 11, tocEntry: 10.5, header: 8 },
  lineGap: { body: 3.2, heading: 2 },
  space: { paragraph: 7, beforeH1: 20, afterH1: 12, beforeH2: 16, afterH2: 7, beforeH3: 11, afterH3: 4, block: 10 },
  color: {
    text: '#1d232b',
    muted: '#5b6573',
    accent: '#1f4e79',
    rule: '#c5ccd6',
    tableHeader: '#e8edf3',
    zebra: '#f6f8fa',
    classification: { public: '#2f6b3a', internal: '#1f4e79', confidential: '#a11d2b' },
  },
  cell: { padX: 5, padY: 4 },
};
