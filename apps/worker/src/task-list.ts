import type { TaskList } from "graphile-worker";
import type { WorkerDeps } from "./deps.ts";
import { createAdminReprocessAllTask } from "./tasks/admin__reprocess_all.ts";
import { createDocumentProcessTask } from "./tasks/document__process.ts";
import { createMaintenanceCleanupTask } from "./tasks/maintenance__cleanup.ts";
import { createNotificationSendTask } from "./tasks/notification__send.ts";

/** Every task with explicit dependencies; the keys are the job kinds of @docket/jobs. */
export function createTaskList(deps: WorkerDeps): TaskList {
  return {
    document__process: createDocumentProcessTask(deps),
    notification__send: createNotificationSendTask(deps),
    admin__reprocess_all: createAdminReprocessAllTask(deps),
    maintenance__cleanup: createMaintenanceCleanupTask(deps),
  };
}
