// Why this file exists: the `vcf` package (the independent vCard parser the export tests read files
// back with) ships no types; this declares the little of it the tests use.
declare module 'vcf' {
  interface Property {
    valueOf(): string;
    type?: string | string[];
    [param: string]: unknown;
  }
  class VCard {
    version: string;
    get(name: string): Property | Property[];
    static parse(text: string): VCard[];
  }
  export default VCard;
}
