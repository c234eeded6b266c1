// @vitest-environment node
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import html from '../../index.html?raw'

// The bundled font's slices (assets/fonts/make_subsets.py writes fonts.css)
// and the two index.html fetches early. A wrong name there is not an error
// anywhere: Vite leaves the link as it is and the start page is slower.

// Read from disk: the test runner hands a stylesheet to a test empty.
const css = readFileSync(new URL('./fonts.css', import.meta.url), 'utf-8')
const slices = Object.keys(import.meta.glob('../../../assets/fonts/ui/*.woff2')).map((p) => p.split('/').pop())

interface Face {
  file: string
  weight: string
  range: string
}

const faces: Face[] = [...css.matchAll(/@font-face\s*{([^}]*)}/g)].map(([, body]) => ({
  file: /url\('@assets\/fonts\/ui\/([^']+)'\)/.exec(body)?.[1] ?? '',
  weight: /font-weight:\s*(\d+)/.exec(body)?.[1] ?? '',
  range: /unicode-range:\s*([^;]+);/.exec(body)?.[1] ?? '',
}))

const preloaded = [...html.matchAll(/<link rel="preload" href="\.\.\/assets\/fonts\/ui\/([^"]+)" as="font"/g)].map(
  (m) => m[1],
)

describe('bundled font slices', () => {
  it('declares only slices that exist, each once', () => {
    expect(faces.length).toBeGreaterThan(2)
    for (const f of faces) expect(slices).toContain(f.file)
    expect(new Set(faces.map((f) => f.file)).size).toBe(faces.length)
  })

  it('declares the first slice of each weight last, over the whole of the common Chinese characters', () => {
    // WebKit looks in the face declared last first; a character it lacks goes on to the others.
    for (const weight of ['400', '700']) {
      const last = faces.filter((f) => f.weight === weight).pop()
      expect(last?.file).toMatch(/-00\.woff2$/)
      expect(last?.range).toContain('U+4E00-9FFF')
    }
  })

  it('fetches early exactly the faces looked in first', () => {
    const lastOfEach = ['400', '700'].map((w) => faces.filter((f) => f.weight === w).pop()?.file)
    expect(preloaded.sort()).toEqual(lastOfEach.sort())
    for (const file of preloaded) expect(slices).toContain(file)
  })
})
