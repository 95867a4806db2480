// Builds only src/client-only.ts, as a library, to see what importing one class brings along.
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    outDir: 'dist-client-only',
    lib: { entry: 'src/client-only.ts', formats: ['es'], fileName: 'client-only' },
    minify: false,
  },
});
