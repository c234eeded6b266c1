import { afterEach, describe, expect, it } from 'vitest'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import { AppError, toAppError } from './invoke'
import { createBranch, listBranches } from './org'
import type { NewBranch } from './bindings'

afterEach(() => clearMocks())

const input: NewBranch = {
  name: '一车间党支部',
  kind: '企业',
  higher_name: '某某集团党委',
  higher_level: '党委',
  top_name: null,
  term_start: null,
  term_years: null,
  committee: [],
  groups: [],
}

describe('IPC calls', () => {
  it('sends the command name and arguments the Rust side expects', async () => {
    const seen: { cmd: string; args: unknown }[] = []
    mockIPC((cmd, args) => {
      seen.push({ cmd, args })
      return cmd === 'org_create_branch' ? 7 : []
    })
    expect(await createBranch(input)).toBe(7)
    expect(await listBranches()).toEqual([])
    expect(seen[0]).toEqual({ cmd: 'org_create_branch', args: { input } })
    expect(seen[1].cmd).toBe('org_list')
  })

  it('turns a Rust error payload into an AppError with kind and message', async () => {
    mockIPC(() => {
      // A command's error reaches the page as the plain payload Rust serialised.
      // eslint-disable-next-line @typescript-eslint/only-throw-error
      throw { kind: 'validation', message: '请填写党支部名称' }
    })
    const err = await createBranch(input).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).kind).toBe('validation')
    expect((err as AppError).message).toBe('请填写党支部名称')
  })

  it('explains an unexpected failure in Chinese instead of showing a raw error', () => {
    const err = toAppError(new Error('channel closed'))
    expect(err.kind).toBe('internal')
    expect(err.message).toContain('已保存的数据没有受影响')
    expect(err.message).toContain('channel closed')
  })
})
