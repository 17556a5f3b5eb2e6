export { matchPath, navigate, setQuery, useLocation } from "./history.ts";
export { Link, type LinkProps } from "./Link.tsx";
