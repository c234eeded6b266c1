// The branch the clerk is working on, shared by every screen, and whether the
// database opened at all.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { appStart } from '@/api/app'
import { currentBranch, listBranches, setCurrentBranch } from '@/api/org'
import { seedTodo } from '@/api/todo'
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

  // One question at start: the status, the branches, the current one and
  // its 工作台 (read while the window opened), so the frame and the start
  // page are drawn together.
  async function init() {
    const start = await appStart()
    status.value = start.status
    if (start.screen) {
      branches.value = start.screen.branches
      current.value = start.screen.current
      if (start.screen.current && start.screen.todo) seedTodo(start.screen.current.id, start.screen.todo)
    }
    ready.value = true
    performance.mark('zhibu-branch')
  }

  async function switchTo(id: number) {
    current.value = await setCurrentBranch(id)
  }

  return { status, branches, current, ready, init, refresh, switchTo }
})
