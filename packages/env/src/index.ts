export type { EnvOf, EnvVar } from "./parse.ts";
export { EnvError, LOCAL_HINT, loadEnvOrExit, parseEnv } from "./parse.ts";
export { loadServerEnv, parseServerEnv, type ServerEnv, serverEnvShape } from "./server.ts";
export { loadWorkerEnv, parseWorkerEnv, type WorkerEnv, workerEnvShape } from "./worker.ts";
