/**
 * A strict little XML 1.0 parser for tests: enough to prove an export is well-formed (and that
 * its namespace prefixes are declared) and to read it back. No DTDs, no processing instructions
 * beyond the declaration; anything it does not understand is an error, never skipped.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: (XmlElement | string)[];
}

const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?/;
// XML 1.0 Char, by code point; a lone surrogate is not a code point of any string XML can carry.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Parse `source` into its root element, or throw an Error saying where it is not well-formed. */
export function parseXml(source: string): XmlElement {
  const bad = NOT_XML_CHAR.exec(source);
  if (bad) throw new Error(`character U+${bad[0].codePointAt(0)!.toString(16)} is not allowed in XML, at ${bad.index}`);
  const text = source.replace(/\r\n?/g, '\n');
  let at = 0;
  const fail = (message: string): never => {
    throw new Error(`${message} at offset ${at}: ${JSON.stringify(text.slice(at, at + 40))}`);
  };
  const skipMisc = (): void => {
    for (;;) {
      while (/\s/.test(text[at] ?? '')) at++;
      if (!text.startsWith('<!--', at)) return;
      const end = text.indexOf('-->', at + 4);
      if (end < 0 || text.slice(at + 4, end).includes('--') || text[end - 1] === '-') fail('bad comment');
      at = end + 3;
    }
  };
  if (text.startsWith('<?xml', at)) {
    const end = text.indexOf('?>', at);
    if (end < 0 || !/^<\?xml\s+version="1\.0"(\s+encoding="UTF-8")?\s*$/.test(text.slice(at, end))) fail('bad XML declaration');
    at = end + 2;
  }
  skipMisc();
  const root = parseElement(new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]));
  skipMisc();
  if (at !== text.length) fail('content after the root element');
  return root;

  function parseElement(scope: Map<string, string>): XmlElement {
    if (text[at] !== '<') fail('expected an element');
    at++;
    const name = readName();
    const attributes: Record<string, string> = {};
    for (;;) {
      const space = /^\s*/.exec(text.slice(at))![0].length;
      at += space;
      if (text.startsWith('/>', at) || text[at] === '>') break;
      if (space === 0) fail('attributes must be separated by whitespace');
      const attribute = readName();
      if (attribute in attributes) fail(`duplicate attribute ${attribute}`);
      if (text[at] !== '=') fail('expected =');
      const quote = text[++at];
      if (quote !== '"' && quote !== "'") fail('expected a quoted value');
      const end = text.indexOf(quote!, ++at);
      if (end < 0) fail('unterminated attribute value');
      const raw = text.slice(at, end);
      if (raw.includes('<')) fail('"<" in an attribute value');
      // Literal tabs and line feeds normalise to spaces; character references to them do not.
      attributes[attribute] = decode(raw.replace(/[\t\n]/g, ' '));
      at = end + 1;
    }
    const inner = new Map(scope);
    for (const [attribute, value] of Object.entries(attributes)) {
      if (attribute.startsWith('xmlns:')) inner.set(attribute.slice(6), value);
    }
    for (const qualified of [name, ...Object.keys(attributes).filter((attribute) => !attribute.startsWith('xmlns'))]) {
      const prefix = qualified.includes(':') ? qualified.split(':')[0]! : null;
      if (prefix !== null && !inner.has(prefix)) fail(`undeclared namespace prefix ${prefix}`);
    }
    const element: XmlElement = { name, attributes, children: [] };
    if (text.startsWith('/>', at)) {
      at += 2;
      return element;
    }
    at++;
    for (;;) {
      if (text.startsWith('</', at)) {
        at += 2;
        if (readName() !== name) fail(`mismatched end tag for ${name}`);
        at += /^\s*/.exec(text.slice(at))![0].length;
        if (text[at] !== '>') fail('expected >');
        at++;
        return element;
      }
      if (text.startsWith('<!--', at)) {
        const end = text.indexOf('-->', at + 4);
        if (end < 0 || text.slice(at + 4, end).includes('--')) fail('bad comment');
        at = end + 3;
      } else if (text.startsWith('<![CDATA[', at)) {
        const end = text.indexOf(']]>', at);
        if (end < 0) fail('unterminated CDATA');
        element.children.push(text.slice(at + 9, end));
        at = end + 3;
      } else if (text[at] === '<') {
        element.children.push(parseElement(inner));
      } else if (at >= text.length) {
        fail(`unclosed element ${name}`);
      } else {
        const end = text.indexOf('<', at);
        const raw = text.slice(at, end < 0 ? text.length : end);
        if (raw.includes(']]>')) fail('"]]>" in text');
        element.children.push(decode(raw));
        at += raw.length;
      }
    }
  }

  function readName(): string {
    const match = NAME.exec(text.slice(at));
    if (!match) fail('expected a name');
    at += match![0].length;
    return match![0];
  }

  function decode(raw: string): string {
    return raw.replace(/&([^;]*);|&/g, (whole, reference: string | undefined) => {
      if (reference === undefined) return fail('bare "&"');
      if (reference in PREDEFINED) return PREDEFINED[reference]!;
      const code = /^#x[0-9a-f]+$/i.test(reference) ? parseInt(reference.slice(2), 16)
        : /^#[0-9]+$/.test(reference) ? parseInt(reference.slice(1), 10) : fail(`unknown entity ${whole}`);
      if (code > 0x10ffff || NOT_XML_CHAR.test(String.fromCodePoint(code)) || (code >= 0xd800 && code <= 0xdfff)) {
        return fail(`character reference to a forbidden character ${whole}`);
      }
      return String.fromCodePoint(code);
    });
  }
}

/** Every descendant element named `name`, in document order. */
export function findElements(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (const child of element.children) {
    if (typeof child === 'string') continue;
    if (child.name === name) found.push(child);
    found.push(...findElements(child, name));
  }
  return found;
}

/** The text of an element, with XLIFF `<cp hex="..."/>` read back as the character it stands for. */
export function readXliffText(element: XmlElement): string {
  return element.children.map((child) => {
    if (typeof child === 'string') return child;
    if (child.name === 'cp') return String.fromCharCode(parseInt(child.attributes.hex ?? '', 16));
    return readXliffText(child);
  }).join('');
}
