// A message from the Rust side (or a check before sending) shown under the
// field it is about, that field scrolled into view and focused — not at the
// foot of a long form, out of sight. The field is told from the words of the
// message: the earliest field name it mentions. A message about no field
// stays in `error`, for the form's alert. The field's message goes as soon
// as the clerk changes that field.
import { nextTick, ref, watch, type Ref } from 'vue'

export interface FieldWords<F> {
  /** The words by which a message names the field ("公民身份号码", "身份证"). */
  words: readonly string[]
  /** The form property the field edits. */
  prop: keyof F
}

/** The field a message is about: the one whose word comes first in it. */
export function fieldOfError(message: string, fields: Record<string, { words: readonly string[] }>): string | null {
  let best: { field: string; at: number } | null = null
  for (const [field, { words }] of Object.entries(fields)) {
    for (const w of words) {
      const at = message.indexOf(w)
      if (at >= 0 && (best === null || at < best.at)) best = { field, at }
    }
  }
  return best?.field ?? null
}

/** A field's value as it was, to tell a change from the same value seen again. */
const snapshot = (value: unknown) => JSON.stringify(value) ?? ''

export function useFieldError<F extends object>(form: F, fields: Record<string, FieldWords<F>>) {
  const error = ref('')
  const at = ref<{ field: string; message: string; was: string } | null>(null)

  /** Shows `message` by its field (or in `error`), and brings the field into view. */
  async function place(message: string) {
    const field = fieldOfError(message, fields)
    if (field === null) {
      at.value = null
      error.value = message
      return
    }
    error.value = ''
    at.value = { field, message, was: snapshot(form[fields[field].prop]) }
    await nextTick()
    const item = document.querySelector(`[data-field="${field}"]`)
    if (!item) {
      // The field is not on screen (folded away, or not asked for): the
      // message goes to the form's alert rather than nowhere.
      at.value = null
      error.value = message
      return
    }
    // (jsdom, in the unit tests, has no scrolling.)
    item.scrollIntoView?.({ block: 'center' })
    item.querySelector<HTMLElement>('input, textarea')?.focus()
  }

  /** After a failed `run` (useAction): moves its message from `error` to the field it names. */
  async function placeFrom(error: Ref<string>) {
    const message = error.value
    error.value = ''
    await place(message)
  }

  function clear() {
    error.value = ''
    at.value = null
  }

  // Deep, and compared by value: a field may be a list edited in place (the
  // committee's rows), whose every keystroke must count as a change.
  watch(
    () => (at.value ? form[fields[at.value.field].prop] : undefined),
    (now) => {
      if (at.value && snapshot(now) !== at.value.was) at.value = null
    },
    { deep: true },
  )

  /** The message for `field`, or '' (for el-form-item's `error`). */
  const messageOf = (field: string) => (at.value?.field === field ? at.value.message : '')

  return { error, place, placeFrom, clear, messageOf }
}
