// Every request carries an id: the caller's x-request-id when it is a sane token (so a trace can
// span the web app, this server and the logs), otherwise a fresh UUID. It is echoed back.
import { randomUUID } from "node:crypto";
import type { RequestHandler } from "express";

const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestId(): RequestHandler {
  return (req, res, next) => {
    const incoming = req.headers["x-request-id"];
    const id =
      typeof incoming === "string" && ACCEPTABLE_ID.test(incoming) ? incoming : randomUUID();
    res.locals.requestId = id;
    res.setHeader("x-request-id", id);
    next();
  };
}
