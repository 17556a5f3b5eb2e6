import { adminRouter } from "./router/admin/index.ts";
import { documentsRouter } from "./router/documents.ts";
import { jobsRouter } from "./router/jobs.ts";
import { meRouter } from "./router/me.ts";
import { notificationsRouter } from "./router/notifications.ts";
import { profileRouter } from "./router/profile.ts";
import { createTRPCRouter } from "./trpc.ts";

export const appRouter = createTRPCRouter({
  ...meRouter,
  documents: documentsRouter,
  jobs: jobsRouter,
  notifications: notificationsRouter,
  profile: profileRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;
