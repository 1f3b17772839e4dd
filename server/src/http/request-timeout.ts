import type { RequestHandler, Response } from 'express';

/**
 * A time limit per request: when a response has not started after `ms`, the client gets 503 with a GraphQL-shaped
 * `TIMEOUT` error, and whatever the request's work writes later is dropped (the response is already answered).
 * The limit bounds waiting on asynchronous work (Prisma queries, the publish process); one synchronous SQLite
 * statement already running holds the event loop until it ends, so the 503 goes out right after it.
 */
export function requestTimeout(ms: number, onTimeout: (method: string, url: string) => void = () => {}): RequestHandler {
  return (req, res, next) => {
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      onTimeout(req.method, req.originalUrl);
      res.status(503).json({
        errors: [{ message: `The request took longer than ${ms} ms and was stopped`, extensions: { code: 'TIMEOUT' } }],
      });
      silence(res);
    }, ms);
    const clear = () => clearTimeout(timer);
    res.once('finish', clear);
    res.once('close', clear);
    next();
  };
}

/** Makes a response that has been answered ignore further writes instead of throwing ERR_HTTP_HEADERS_SENT. */
function silence(res: Response): void {
  const ignored = function (this: Response) {
    return this;
  };
  Object.assign(res, {
    status: ignored,
    set: ignored,
    header: ignored,
    setHeader: ignored,
    writeHead: ignored,
    send: ignored,
    json: ignored,
    end: ignored,
    write: () => true,
  });
}
