// The short messages load Element Plus's message code when first needed
// (it is not in the first script) and still open below the red header.
import { describe, expect, it, vi } from 'vitest'
import { toast } from './toast'

// Loading all of Element Plus through the test runner's transform takes
// seconds the first time (the app's build loads only what it uses).
const LOADED = { timeout: 30_000 }

describe('toast', () => {
  it('shows the message below the header, once its code has loaded', async () => {
    toast.success('已保存')
    // Not drawn synchronously: the code comes first.
    expect(document.querySelector('.el-message')).toBeNull()
    await vi.waitFor(() => expect(document.querySelector('.el-message')?.textContent).toContain('已保存'), LOADED)
    const shown = document.querySelector<HTMLElement>('.el-message')
    expect(shown?.className).toContain('el-message--success')
    expect(shown?.style.top).toBe('72px')
  }, 40_000)

  it('keeps the options a caller gives, with the same place', async () => {
    toast.error({ message: '保存失败：请检查日期', duration: 0 })
    await vi.waitFor(() => expect(document.querySelector('.el-message--error')?.textContent).toContain('保存失败'), LOADED)
    expect(document.querySelector<HTMLElement>('.el-message--error')?.style.top).toBe('72px')
  })
})
