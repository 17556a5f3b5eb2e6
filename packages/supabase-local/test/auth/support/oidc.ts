// A real OpenID Connect provider (oidc-provider) on a free local port. The login/consent screens
// are replaced by an endpoint that signs in the account chosen by the test, so a scripted
// "browser" (see browser.ts) can walk the whole redirect chain.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair } from "jose";
import Provider from "oidc-provider";

export interface Account {
  sub: string;
  email: string;
  name: string;
}

export interface TestOidc {
  issuer: string;
  /** Registers the confidential client once the stack's callback URL is known. */
  configure(clients: { clientId: string; secret: string; redirectUri: string }[]): void;
  /** Who the next sign-in at the provider logs in as. */
  signInAs(account: Account): void;
  close(): Promise<void>;
}

export async function startOidcProvider(): Promise<TestOidc> {
  let provider: Provider | undefined;
  let account: Account = { sub: "alice", email: "alice@example.com", name: "Alice" };
  const accounts = new Map<string, Account>();
  const server: Server = createServer((req, res) => {
    if (!provider) {
      res.writeHead(503).end();
      return;
    }
    const current = provider;
    const interaction = /^\/interaction\/([^/]+)$/.exec(req.url ?? "");
    if (interaction) {
      finishInteraction(current, req, res).catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
      return;
    }
    current.callback()(req, res);
  });
  async function finishInteraction(p: Provider, req: IncomingMessage, res: ServerResponse) {
    const details = await p.interactionDetails(req, res);
    if (details.prompt.name === "login") {
      accounts.set(account.sub, account);
      await p.interactionFinished(req, res, { login: { accountId: account.sub } });
      return;
    }
    const grant = new p.Grant({
      accountId: String(details.session?.accountId),
      clientId: String(details.params.client_id),
    });
    grant.addOIDCScope(String(details.params.scope));
    await p.interactionFinished(req, res, { consent: { grantId: await grant.save() } });
  }
  // The provider's own signing key (id_tokens), generated per run.
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const signingKey = {
    ...(await exportJWK(privateKey)),
    kid: "test-oidc",
    alg: "RS256",
    use: "sig",
  };
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    configure(clients) {
      provider = new Provider(issuer, {
        clients: clients.map((c) => ({
          client_id: c.clientId,
          client_secret: c.secret,
          redirect_uris: [c.redirectUri],
          grant_types: ["authorization_code"],
          response_types: ["code"],
        })),
        claims: { email: ["email", "email_verified"], profile: ["name"] },
        cookies: { keys: ["test-cookie-key"] },
        jwks: { keys: [signingKey] },
        features: { devInteractions: { enabled: false } },
        interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
        async findAccount(_ctx, sub) {
          const found = accounts.get(sub);
          if (!found) return undefined;
          return {
            accountId: sub,
            claims: async () => ({
              sub,
              email: found.email,
              email_verified: true,
              name: found.name,
            }),
          };
        },
      });
    },
    signInAs(next) {
      account = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
