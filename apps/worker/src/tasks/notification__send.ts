import type { Task } from "graphile-worker";
import type { WorkerDeps } from "../deps.ts";
import { lazyTask } from "../lazy-task.ts";
import { sendNotification } from "../notifications/send-notification.ts";
import { trackedTask } from "../tracking/tracked-task.ts";

/**
 * In-app notification plus e-mail. With a jobId (sent through the API) it is tracked in
 * public.jobs; without one (raised by another task) it runs untracked, retried by graphile-worker.
 */
export function createNotificationSendTask(deps: WorkerDeps): Task {
  return trackedTask(deps, {
    kind: "notification__send",
    async run(payload, ctx) {
      const { job } = ctx.helpers;
      const result = await sendNotification(deps, payload, job.key ?? job.id);
      ctx.log.info("notification sent", {
        userId: payload.userId,
        emailed: result.emailedTo !== null,
      });
      return { result };
    },
  });
}

export default lazyTask(createNotificationSendTask);
