// @vitest-environment node
import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// What the first script holds: every module main.ts reaches by static
// imports (dynamic `import()` is a later chunk). Element Plus's components
// and helpers were a third of it (issue 17); the start page draws their look
// by classes instead, and Element Plus's set-up loads after it is painted.
// Its stylesheets (`…/style/css`) are fine: they are not script.

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

const first = reach(resolve(src, 'main.ts'))

describe('the first script', () => {
  it('reaches the start page and the frame', () => {
    // The walk itself works: it finds what the first screen is made of.
    const names = [...first.files].map((f) => f.slice(src.length + 1))
    expect(names).toEqual(expect.arrayContaining(['router.ts', 'features/todo/TodoPage.vue', 'components/AppShell.vue']))
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
