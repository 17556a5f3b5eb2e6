import { type ComponentType, StrictMode } from "react";
import { createRoot } from "react-dom/client";

/**
 * Renders the app's root component into #root. `load` imports it lazily so that the env check,
 * which runs when the app's modules load, can fail into a readable page instead of a blank one.
 */
export function startApp(name: string, load: () => Promise<{ Root: ComponentType }>): void {
  const root = createRoot(document.getElementById("root") as HTMLElement);
  load()
    .then(({ Root }) => {
      root.render(
        <StrictMode>
          <Root />
        </StrictMode>,
      );
    })
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      root.render(
        <main role="alert" style={{ padding: 24, fontFamily: "system-ui" }}>
          <h1>{name} cannot start</h1>
          <p>{message}</p>
        </main>,
      );
    });
}
