// Where a new file goes: the path as the clerk left it, made into one the
// program can write.

export type FileKind = 'pdf' | 'xlsx'

/** The path trimmed, with the kind's extension added when it is missing; null when nothing is filled in. */
export function withExtension(path: string, kind: FileKind): string | null {
  const trimmed = path.trim()
  if (!trimmed) return null
  return trimmed.toLowerCase().endsWith(`.${kind}`) ? trimmed : `${trimmed}.${kind}`
}
