// What a seller types into a number or date field, as the parsers read it.

/**
 * Full-width forms (a Chinese or Japanese input method's ２４０, －５, １２．５, １，２００, ２０％,
 * and the ideographic space) as their plain ASCII forms, so a number is never refused for the
 * keyboard it came from. Only the full-width block is mapped: a superscript ² or a circled ⑫ is not a
 * digit here (Unicode's NFKC would turn "1²" into 12).
 */
export function typedText(value: string | number): string {
  return String(value)
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}
