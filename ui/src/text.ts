// Text as a clerk types it: an input method in 全角 mode gives full-width
// digits and letters. The Rust side folds them too; folding here keeps the
// form's own checks from refusing what the program would accept.

/** Full-width digits, letters and signs (and the ideographic space) as ASCII. */
export function fullWidthToAscii(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ')
}
