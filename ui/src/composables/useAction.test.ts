import { describe, expect, it } from 'vitest'
import { useAction } from './useAction'
import { AppError } from '@/api/invoke'

describe('useAction', () => {
  it('is busy while the call runs and clear afterwards', async () => {
    const { busy, error, run } = useAction()
    let seenBusy = false
    const ok = await run(() => {
      seenBusy = busy.value
      return Promise.resolve()
    })
    expect(ok).toBe(true)
    expect(seenBusy).toBe(true)
    expect(busy.value).toBe(false)
    expect(error.value).toBe('')
  })

  it('keeps the Chinese message of a failure and reports it failed', async () => {
    const { busy, error, run } = useAction()
    const ok = await run(() => Promise.reject(new AppError('rule', '党小组“第二党小组”还有7名党员，不能删除')))
    expect(ok).toBe(false)
    expect(busy.value).toBe(false)
    expect(error.value).toBe('党小组“第二党小组”还有7名党员，不能删除')
  })
})
