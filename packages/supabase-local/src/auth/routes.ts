// Every Auth endpoint (paths as GoTrue serves them, below `/auth/v1`).

import { generateLink, invite } from "./handlers/admin-links.ts";
import {
  createUser,
  deleteUser,
  getUserById,
  listUsers,
  updateUserById,
} from "./handlers/admin-users.ts";
import { logout } from "./handlers/logout.ts";
import { health, jwks, openidConfiguration, settingsHandler } from "./handlers/meta.ts";
import { authorize, callback } from "./handlers/oauth.ts";
import { otp, recover, resend } from "./handlers/otp.ts";
import { signup } from "./handlers/signup.ts";
import { token } from "./handlers/token.ts";
import { getUser, reauthenticate, updateUser } from "./handlers/user.ts";
import { verifyGet, verifyPost } from "./handlers/verify.ts";
import type { Route } from "./router.ts";

export const routes: Route[] = [
  { method: "GET", path: "/health", handler: health },
  { method: "GET", path: "/settings", handler: settingsHandler },
  { method: "GET", path: "/.well-known/jwks.json", handler: jwks },
  { method: "GET", path: "/.well-known/openid-configuration", handler: openidConfiguration },
  { method: "POST", path: "/signup", handler: signup },
  { method: "POST", path: "/token", handler: token },
  { method: "GET", path: "/user", handler: getUser },
  { method: "PUT", path: "/user", handler: updateUser },
  { method: "GET", path: "/reauthenticate", handler: reauthenticate },
  { method: "POST", path: "/logout", handler: logout },
  { method: "POST", path: "/otp", handler: otp },
  { method: "POST", path: "/verify", handler: verifyPost },
  { method: "GET", path: "/verify", handler: verifyGet },
  { method: "POST", path: "/recover", handler: recover },
  { method: "POST", path: "/resend", handler: resend },
  { method: "POST", path: "/invite", handler: invite },
  { method: "GET", path: "/authorize", handler: authorize },
  { method: "GET", path: "/callback", handler: callback },
  { method: "POST", path: "/admin/generate_link", handler: generateLink },
  { method: "GET", path: "/admin/users", handler: listUsers },
  { method: "POST", path: "/admin/users", handler: createUser },
  { method: "GET", path: "/admin/users/:id", handler: getUserById },
  { method: "PUT", path: "/admin/users/:id", handler: updateUserById },
  { method: "DELETE", path: "/admin/users/:id", handler: deleteUser },
];
