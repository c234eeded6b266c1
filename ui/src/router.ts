import { createRouter, createWebHashHistory } from 'vue-router'
import { useBranchStore } from '@/stores/branch'
import { closeToasts } from '@/toast'
import { element } from '@/elementSetup'

// The start page is drawn without Vue, beside the app (start/page.ts; shown
// and reloaded by main.ts): its route draws nothing here.
const StartPage = { render: () => null }

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: '/todo' },
    { path: '/welcome', name: 'welcome', component: () => import('@/features/setup/FirstRun.vue') },
    { path: '/todo', name: 'todo', component: StartPage },
    { path: '/overview', name: 'overview', component: () => import('@/features/org/BranchOverview.vue') },
    { path: '/meetings', name: 'meetings', component: () => import('@/features/meetings/MeetingsPage.vue') },
    { path: '/meetings/:id', name: 'meeting', component: () => import('@/features/meetings/MeetingPage.vue') },
    { path: '/calendar', name: 'calendar', component: () => import('@/features/meetings/CalendarPage.vue') },
    { path: '/dues', name: 'dues', component: () => import('@/features/dues/DuesPage.vue') },
    { path: '/dues/members/:id', name: 'dues-card', component: () => import('@/features/dues/DuesCardPage.vue') },
    { path: '/development', name: 'development', component: () => import('@/features/development/DevelopmentPage.vue') },
    { path: '/development/:id', name: 'development-person', component: () => import('@/features/development/PersonPage.vue') },
    { path: '/stats', name: 'stats', component: () => import('@/features/stats/StatsPage.vue') },
    { path: '/backup', name: 'backup', component: () => import('@/features/backup/BackupPage.vue') },
    { path: '/about', name: 'about', component: () => import('@/features/about/AboutPage.vue') },
    { path: '/members', name: 'members', component: () => import('@/features/members/RosterPage.vue') },
    { path: '/members/:id', name: 'member', component: () => import('@/features/members/MemberPage.vue') },
  ],
})

// With no branch yet, every screen leads to the first-run wizard.
router.beforeEach(async (to) => {
  // A message belongs to the screen it was shown on; a new screen starts clear.
  closeToasts()
  // Every screen but the start page draws Element Plus components: its
  // Chinese set-up first (loaded after the start page, elementSetup.ts).
  if (to.name !== 'todo') await element()
  const store = useBranchStore()
  if (!store.ready) await store.init()
  if (store.status?.startup_error) return true
  if (!store.current && to.name !== 'welcome') return { name: 'welcome' }
  return true
})
