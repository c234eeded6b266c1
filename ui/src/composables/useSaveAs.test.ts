import { describe, expect, it } from 'vitest'
import { useSaveAs } from './useSaveAs'

describe('useSaveAs', () => {
  it('asks for a place when none is filled in, and writes nothing', async () => {
    const { error, done, save } = useSaveAs<number>('xlsx')
    const written: string[] = []
    await save((target) => {
      written.push(target)
      return Promise.resolve(1)
    })
    expect(error.value).toBe('请填写或选择保存位置')
    expect(written).toEqual([])
    expect(done.value).toBeNull()
  })

  it('writes to the path with its extension and keeps the result for the dialog', async () => {
    const { path, done, save } = useSaveAs<number>('xlsx')
    path.value = ' /media/U盘/花名册 '
    await save(() => Promise.resolve(18))
    expect(path.value).toBe('/media/U盘/花名册.xlsx')
    expect(done.value).toEqual({ path: '/media/U盘/花名册.xlsx', result: 18 })
  })
})
