// The branch the clerk is working on, shared by every screen, and whether the
// database opened at all.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { appStatus } from '@/api/app'
import { currentBranch, listBranches, setCurrentBranch } from '@/api/org'
import type { AppStatus, OrgSummary } from '@/api/bindings'

export const useBranchStore = defineStore('branch', () => {
  const status = ref<AppStatus | null>(null)
  const branches = ref<OrgSummary[]>([])
  const current = ref<OrgSummary | null>(null)
  const ready = ref(false)

  async function refresh() {
    branches.value = await listBranches()
    current.value = await currentBranch()
  }

  async function init() {
    status.value = await appStatus()
    if (!status.value.startup_error) await refresh()
    ready.value = true
    performance.mark('zhibu-branch')
  }

  async function switchTo(id: number) {
    current.value = await setCurrentBranch(id)
  }

  return { status, branches, current, ready, init, refresh, switchTo }
})
