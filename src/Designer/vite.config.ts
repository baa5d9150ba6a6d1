import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The service serves dist/ (copied into its wwwroot by the engine's build). In development, `npm run dev`
// proxies the API and the hub to a service started with `dotnet run --project src/Engine/CaseFlow.Engine`.
const service = process.env.CASEFLOW_URL ?? 'http://127.0.0.1:5080';

export default defineConfig({
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': service,
      '/hubs': { target: service, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The modelers are loaded by lazy routes only (src/app/routes.tsx), so the workspace never downloads them.
    chunkSizeWarningLimit: 2500,
  },
});
