export { AppProviders, type AppProvidersProps } from "./AppProviders.tsx";
export { startApp } from "./start-app.tsx";
