import "./app.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

const root = createRoot(document.getElementById("root") as HTMLElement);

// The env check runs when the modules load: a bad configuration gets a readable page, not a
// blank one.
import("./Root.tsx")
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
        <h1>Docket Admin cannot start</h1>
        <p>{message}</p>
      </main>,
    );
  });
