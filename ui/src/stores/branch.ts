// The branch the clerk is working on, shared by every screen, and whether the
// database opened at all.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { appStart } from '@/api/app'
import { currentBranch, listBranches, setCurrentBranch } from '@/api/org'
import type { AppStart, AppStatus, OrgSummary } from '@/api/bindings'

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

  // One question at start: the status, the branches, the current one (and
  // its 工作台, which the start page draws: start/main.ts). `take` is given
  // the answer the page's entry already has; `init` asks (after a restore,
  // or when the first question failed).
  function take(start: AppStart) {
    status.value = start.status
    branches.value = start.screen?.branches ?? []
    current.value = start.screen?.current ?? null
    ready.value = true
  }

  async function init() {
    take(await appStart())
  }

  async function switchTo(id: number) {
    current.value = await setCurrentBranch(id)
  }

  return { status, branches, current, ready, take, init, refresh, switchTo }
})
