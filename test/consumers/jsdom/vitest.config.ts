import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Vitest's 5 s default is for an idle machine; CI shares two cores with PostgreSQL and Chromium
  // (the docs' create-and-delete test took over 5 s at a load average of 16).
  test: { environment: 'jsdom', testTimeout: 30_000 },
});
