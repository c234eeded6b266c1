// The branch the clerk is working on, shared by every screen, and whether the
// database opened at all.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { appStatus } from '@/api/app'
import { currentBranch, listBranches, setCurrentBranch } from '@/api/org'
import { prefetchTodo } from '@/api/todo'
import type { AppStatus, OrgSummary } from '@/api/bindings'

export const useBranchStore = defineStore('branch', () => {
  const status = ref<AppStatus | null>(null)
  const branches = ref<OrgSummary[]>([])
  const current = ref<OrgSummary | null>(null)
  const ready = ref(false)

  async function refresh() {
    const [list, now] = await Promise.all([listBranches(), currentBranch()])
    branches.value = list
    current.value = now
  }

  async function init() {
    status.value = await appStatus()
    if (!status.value.startup_error) {
      await refresh()
      // The start page's list, asked for while the frame is drawn.
      if (current.value) prefetchTodo(current.value.id)
    }
    ready.value = true
    performance.mark('zhibu-branch')
  }

  async function switchTo(id: number) {
    current.value = await setCurrentBranch(id)
  }

  return { status, branches, current, ready, init, refresh, switchTo }
})
