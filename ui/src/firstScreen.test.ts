// @vitest-environment node
import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// What the window's first scripts hold: every module a file reaches by
// static imports (dynamic `import()` is a later chunk). The page's entry
// (start/main.ts) draws the frame and the start page with no framework;
// the Vue app it loads next keeps Element Plus's script out too (its
// components and helpers were a third of the first script, issue 17): the
// start page draws their look by classes, and Element Plus's set-up loads
// after the paint. Stylesheets (`…/style/css`) are fine: they are not script.

const src = dirname(fileURLToPath(import.meta.url))

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith('@/') ? resolve(src, spec.slice(2)) : spec.startsWith('.') ? resolve(dirname(from), spec) : null
  if (!base) return null
  for (const p of [base, `${base}.ts`, `${base}/index.ts`]) if (existsSync(p) && !p.endsWith('/')) return p
  return null
}

// Static imports only: `import x from 'y'`, `import 'y'`, `export … from 'y'`;
// not `import('y')` and not `import type`.
const STATIC = /^\s*(?:import(?!\s+type\b)(?:[^'"()]*?from)?|export[^'"]*?from)\s*['"]([^'"]+)['"]/gm

function reach(entry: string) {
  const files = new Set<string>()
  const packages = new Set<string>()
  const todo = [entry]
  while (todo.length) {
    const file = todo.pop() as string
    if (files.has(file)) continue
    files.add(file)
    const text = readFileSync(file, 'utf-8')
    const code = file.endsWith('.vue') ? [...text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n') : text
    for (const [, spec] of code.matchAll(STATIC)) {
      const local = resolveImport(file, spec)
      if (local) todo.push(local)
      else if (!spec.startsWith('.') && !spec.startsWith('@/')) packages.add(spec)
    }
  }
  return { files, packages }
}

// The page's entry: draws the frame and the start page, then loads the Vue
// app (main.ts) by a dynamic import.
const entry = reach(resolve(src, 'start/main.ts'))
const first = reach(resolve(src, 'main.ts'))
const rel = (files: Set<string>) => [...files].map((f) => f.slice(src.length + 1))

describe('the page entry', () => {
  it('reaches the start page and the frame', () => {
    expect(rel(entry.files)).toEqual(expect.arrayContaining(['start/page.ts', 'start/frame.ts', 'api/app.ts']))
  })

  it('reaches no Vue, router, store or Element Plus script', () => {
    // What the start page needs before the first paint: no framework at all
    // (issue 17: Vue's cold start was most of the time to the first screen).
    expect(rel(entry.files).filter((f) => f.endsWith('.vue') || f === 'main.ts' || f === 'router.ts')).toEqual([])
    const scripts = [...entry.packages].filter((p) => !p.endsWith('/style/css') && !p.startsWith('@tauri-apps/'))
    expect(scripts).toEqual([])
  })
})

describe('the Vue app', () => {
  it('reaches the router and the header, not the start page', () => {
    // The walk itself works: it finds what the app is made of.
    const names = rel(first.files)
    expect(names).toEqual(expect.arrayContaining(['router.ts', 'App.vue', 'components/HeaderTools.vue']))
    expect(names).not.toContain('start/page.ts')
    expect(names).not.toContain('element.ts')
    // The later font slices' ranges load after the first paint (main.ts).
    expect(names).not.toContain('styles/fonts-more.css')
  })

  it('imports no Element Plus script, only its stylesheets', () => {
    const scripts = [...first.packages].filter(
      (p) => (p.startsWith('element-plus') || p.startsWith('@element-plus/')) && !p.endsWith('/style/css'),
    )
    expect(scripts).toEqual([])
    expect([...first.packages].filter((p) => p.startsWith('dayjs') || p.startsWith('lodash'))).toEqual([])
  })

  it('draws no Element Plus component or directive', () => {
    // `<el-…>` in a template is imported on demand by the build (vite.config.ts).
    const drawn = [...first.files]
      .filter((f) => f.endsWith('.vue'))
      .flatMap((f) => {
        const template = /<template>([\s\S]*)<\/template>/.exec(readFileSync(f, 'utf-8'))?.[1] ?? ''
        return [...template.matchAll(/<el-[a-z-]+|\bv-loading\b/g)].map((m) => `${f.slice(src.length + 1)}: ${m[0]}`)
      })
    expect(drawn).toEqual([])
  })
})
