import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

// The bundled fonts live in the repository's assets/ folder, outside ui/.
const repoRoot = fileURLToPath(new URL('..', import.meta.url))

export default defineConfig({
  // Element Plus on demand: each <el-*> a template uses is imported with its
  // own CSS, instead of the whole library (1.07 MB JS + 365 KB CSS) at start.
  plugins: [vue(), Components({ resolvers: [ElementPlusResolver({ importStyle: 'css' })], dts: false })],
  clearScreen: false,
  server: {
    port: 5173,
    strictPort: true,
    fs: { allow: [repoRoot] },
  },
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      '@assets': fileURLToPath(new URL('../assets', import.meta.url)),
    },
  },
  build: {
    target: 'safari15',
    // Fonts stay separate files rather than multi-megabyte data URLs.
    assetsInlineLimit: 8192,
    chunkSizeWarningLimit: 2000,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    // Component tests mount Element Plus components, whose modules import their CSS.
    server: { deps: { inline: ['element-plus'] } },
  },
})
