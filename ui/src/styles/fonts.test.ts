// @vitest-environment node
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import html from '../../index.html?raw'

// The bundled font's slices (assets/fonts/make_subsets.py writes fonts.css,
// part of the first screen's stylesheet, and fonts-more.css, loaded after it
// is painted) and the two index.html fetches early. A wrong name there is
// not an error anywhere: Vite leaves the link as it is and the start page is
// slower.

// Read from disk: the test runner hands a stylesheet to a test empty.
const read = (name: string) => readFileSync(new URL(name, import.meta.url), 'utf-8')
const slices = Object.keys(import.meta.glob('../../../assets/fonts/ui/*.woff2')).map((p) => p.split('/').pop())

interface Face {
  file: string
  weight: string
  range: string
}

const facesOf = (css: string): Face[] =>
  [...css.matchAll(/@font-face\s*{([^}]*)}/g)].map(([, body]) => ({
    file: /url\('@assets\/fonts\/ui\/([^']+)'\)/.exec(body)?.[1] ?? '',
    weight: /font-weight:\s*(\d+)/.exec(body)?.[1] ?? '',
    range: /unicode-range:\s*([^;]+);/.exec(body)?.[1] ?? '',
  }))
const first = facesOf(read('./fonts.css'))
const more = facesOf(read('./fonts-more.css'))
// The order the engine ends with once both are in: the first sheet, then the other.
const all = [...first, ...more]

const preloaded = [...html.matchAll(/<link rel="preload" href="\.\.\/assets\/fonts\/ui\/([^"]+)" as="font"/g)].map(
  (m) => m[1],
)
const lastOf = (faces: Face[], weight: string) => faces.filter((f) => f.weight === weight).pop()

describe('bundled font slices', () => {
  it('declares every slice that exists, and only those', () => {
    expect(more.length).toBeGreaterThan(2)
    for (const f of all) expect(slices).toContain(f.file)
    expect(new Set(all.map((f) => f.file))).toEqual(new Set(slices))
  })

  it('puts only the first slice of each weight in the first stylesheet, over the whole of the common Chinese characters', () => {
    expect(first.map((f) => f.file).sort()).toEqual(['NotoSansSC-Bold-00.woff2', 'NotoSansSC-Regular-00.woff2'])
    for (const f of first) expect(f.range).toContain('U+4E00-9FFF')
  })

  it('keeps the first slice the face declared last once the later slices are in', () => {
    // WebKit looks in the face declared last first; a character it lacks goes on to the others.
    for (const weight of ['400', '700']) {
      expect(lastOf(all, weight)?.file).toMatch(/-00\.woff2$/)
      expect(lastOf(all, weight)?.range).toContain('U+4E00-9FFF')
      // Each later slice once.
      const later = more.filter((f) => f.weight === weight && !f.file.endsWith('-00.woff2')).map((f) => f.file)
      expect(new Set(later).size).toBe(later.length)
    }
  })

  it('fetches early exactly the faces looked in first', () => {
    const lastOfEach = ['400', '700'].map((w) => lastOf(first, w)?.file)
    expect(preloaded.sort()).toEqual(lastOfEach.sort())
    for (const file of preloaded) expect(slices).toContain(file)
  })
})
