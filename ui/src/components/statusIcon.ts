// A filled round sign: a tick, !, i or ×, in the text's colour, as SVG
// markup: drawn by StatusIcon.vue on the screens and by the start page,
// which is drawn without Vue (src/start/page.ts). Element Plus's icon set is
// one module of all its icons, and whichever screen imports one brings every
// icon the app uses (12 KB of the first script, issue 17).

export type StatusKind = 'success' | 'warning' | 'info' | 'error'

const MARK: Record<StatusKind, string> = {
  success: '<path d="M4.6 8.3 7 10.6l4.4-4.8"/>',
  warning: '<path d="M8 4.2v4.9"/><path d="M8 11.7v.1" stroke-width="2"/>',
  info: '<path d="M8 4.3v.1" stroke-width="2"/><path d="M8 6.9v4.9"/>',
  error: '<path d="m5.5 5.5 5 5m0-5-5 5"/>',
}

/** What goes inside `<svg viewBox="0 0 16 16">` for `kind`. */
export function statusIconInner(kind: StatusKind): string {
  return (
    '<circle cx="8" cy="8" r="8" fill="currentColor"/>' +
    '<g fill="none" stroke="#fff" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round">' +
    MARK[kind] +
    '</g>'
  )
}

/** The sign as an element, for code that draws without Vue. */
export function statusIcon(kind: StatusKind): SVGSVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg')
  for (const [k, v] of [
    ['viewBox', '0 0 16 16'],
    ['width', '1em'],
    ['height', '1em'],
    ['aria-hidden', 'true'],
    ['class', 'status-icon'],
  ])
    svg.setAttribute(k, v)
  svg.innerHTML = statusIconInner(kind)
  return svg
}
