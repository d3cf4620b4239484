import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { precompress } from './build/precompress.ts';
import { shellSize } from './build/shell-size.ts';

const THEME = '#7a1f2b';

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      registerType: 'autoUpdate',
      strategies: 'generateSW',
      injectRegister: 'auto',
      includeAssets: ['icon.svg'],
      manifest: {
        name: 'Mandap — Gulmohar Events',
        short_name: 'Mandap',
        description: 'Operations for Gulmohar Events, Mumbai: leads, events, vendors and payments.',
        lang: 'en-IN',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: THEME,
        background_color: '#fdf8f3',
        icons: [
          { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' },
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/api/, /^\/collab/],
        // Web push (push and notificationclick handlers) lives beside the precache: client/public/push-sw.js.
        importScripts: ['push-sw.js'],
      },
    }),
    // The first screen (entry chunk + its static imports + their CSS) stays under 150 kB gzip; the build fails above it.
    shellSize({ budgetKb: 150 }),
    // .br and .gz beside every text asset, served by the edge on Node as they are.
    precompress(),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      // @mandap/shared is side-effect free; saying so lets the shell drop the zod schemas it does not use.
      treeshake: { moduleSideEffects: (id) => (/[\\/]shared[\\/]src[\\/]/.test(id) ? false : undefined) },
      output: {
        codeSplitting: {
          groups: [
            // Validation libraries load with the first page that parses data, never with the shell.
            { name: 'validation', test: /node_modules[\\/](zod|libphonenumber-js)[\\/]/ },
            // floating-ui (Mantine's Popover, Menu, Tooltip, ScrollArea): only lazy chunks use it. Without a group
            // of its own the bundler hoists it into the entry chunk, where the shell pays ≈20 kB gzip for it.
            // (react-remove-scroll stays in the shell: AppShell reads RemoveScroll.classNames.)
            {
              name: 'floating',
              test: /node_modules[\\/]@floating-ui[\\/]/,
              // Their own dependency (React) stays in the entry chunk; capturing it here would make the shell load this chunk.
              includeDependenciesRecursively: false,
            },
            // The light part of @mandap/shared the shell needs (roles, navigation) gets its own small chunk.
            {
              name: 'shared-core',
              test: /shared[\\/]src[\\/](access[\\/]permissions|leads[\\/]lifecycle|events[\\/]lifecycle|money[\\/]money)\.ts$/,
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:8787', changeOrigin: true },
      '/collab': { target: 'http://127.0.0.1:1234', ws: true, changeOrigin: true },
    },
  },
});
