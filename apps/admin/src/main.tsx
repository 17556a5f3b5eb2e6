import "./app.css";
import { startApp } from "@docket/ui/app";

startApp("Docket Admin", () => import("./Root.tsx"));
