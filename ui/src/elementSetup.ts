// Loads Element Plus's set-up (element.ts) once, for whatever needs it first:
// any screen but the start page (router.ts), a message (toast.ts), a prompt
// (askReason.ts), or main.ts just after the start page is painted.
import type { App } from 'vue'

let app: App | undefined
let loaded: Promise<typeof import('./element')> | undefined

/** The app the set-up is provided to (main.ts, before it mounts). */
export function setElementApp(a: App) {
  app = a
  // Already loaded (a prompt from the start page before the app was in):
  // the app gets its Chinese set-up too.
  void loaded?.then((m) => m.install(a))
}

export function element(): Promise<typeof import('./element')> {
  loaded ??= import('./element').then((m) => {
    m.install(app)
    return m
  })
  return loaded
}
