import "./app.css";
import { startApp } from "@docket/ui/app";

startApp("Docket", () => import("./Root.tsx"));
