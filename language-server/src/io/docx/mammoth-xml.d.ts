/**
 * Types for the XML layer of mammoth (pinned in package.json) that the .docx
 * reader uses: it maps the transitional and strict OOXML namespaces to the
 * usual prefixes (w:, r:, wp:, a:, v:, mc:) and keeps only the Fallback of
 * mc:AlternateContent, as Word readers must.
 */
declare module 'mammoth/lib/docx/office-xml-reader.js' {
  export interface XmlText {
    type: 'text';
    value: string;
  }
  export interface XmlElement {
    type: 'element';
    name: string;
    attributes: Record<string, string | undefined>;
    children: (XmlElement | XmlText)[];
  }
  /** Resolves with the root element, or with an Error when the XML does not parse. */
  export function read(xml: string): Promise<XmlElement | Error>;
}
