// Types for the linebreak package (UAX #14 line breaking, also used inside pdfkit), which ships none.
declare module 'linebreak' {
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): { position: number; required: boolean } | null;
  }
}
