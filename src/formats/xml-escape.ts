/** Escaping text for XML: what the XLIFF writers put in elements and attributes. */

/**
 * Escape text for `<source>` and `<target>`. `&`, `<` and `>` become entities (escaping every ">"
 * also breaks any "]]>"); a carriage return becomes `&#xD;`, which parsers would otherwise turn into
 * a line feed. Characters XML 1.0 cannot carry at all (most C0 controls, U+FFFE, U+FFFF, and lone
 * surrogates from a broken paste) become XLIFF's `<cp hex="..."/>`, which exists for exactly this,
 * so the text survives the round trip.
 */
export function escapeContent(text: string): string {
  let out = '';
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const next = text.charCodeAt(index + 1);
    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += text[index]! + text[index + 1]!;
      index++;
    } else if (code === 0x26) out += '&amp;';
    else if (code === 0x3c) out += '&lt;';
    else if (code === 0x3e) out += '&gt;';
    else if (code === 0x0d) out += '&#xD;';
    else if (isForbidden(code)) out += `<cp hex="${code.toString(16).toUpperCase().padStart(4, '0')}"/>`;
    else out += text[index]!;
  }
  return out;
}

/** Notes and metadata cannot hold <cp>: a character XML cannot carry becomes U+FFFD there. */
export function escapePlain(text: string): string {
  return replaceForbidden(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;');
}

/** Attribute values also lose quotes, and tabs and line breaks, which parsers turn into spaces. */
export function escapeAttribute(text: string): string {
  return escapePlain(text).replace(/"/g, '&quot;').replace(/\t/g, '&#x9;').replace(/\n/g, '&#xA;');
}

/** Characters XML 1.0 cannot carry (most C0 controls, U+FFFE, U+FFFF, lone surrogates) as U+FFFD. */
export function replaceForbidden(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

// XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. Called on
// UTF-16 code units once valid surrogate pairs are set aside, so any surrogate here is alone.
function isForbidden(code: number): boolean {
  if (code < 0x20) return code !== 0x09 && code !== 0x0a && code !== 0x0d;
  return (code >= 0xd800 && code <= 0xdfff) || code === 0xfffe || code === 0xffff;
}
