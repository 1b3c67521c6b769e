/** The loopback address every local bench and fault script uses, and a free port on it for a child server. */
import { createServer } from "node:net";

export const HOST = "127.0.0.1";

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, HOST, () => {
      const address = server.address();
      server.close(() => done(typeof address === "object" && address ? address.port : 0));
    });
  });
}
