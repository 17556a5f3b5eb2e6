import { fileURLToPath } from "node:url";
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// envDir is the repo root so the .env.local written by supabase-local is read. Only VITE_*
// variables reach the bundle; the secret key never has that prefix.
export default defineConfig({
  envDir: fileURLToPath(new URL("../..", import.meta.url)),
  plugins: [react(), tailwindcss()],
  server: { port: 5174, strictPort: true, host: "127.0.0.1" },
  preview: { port: 5174, strictPort: true, host: "127.0.0.1" },
  build: { target: "es2022", sourcemap: false },
});
