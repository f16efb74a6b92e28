// The OpenID Connect provider the single sign-on tests sign in through:
// panva's oidc-provider (OpenID Certified), on loopback, with its own
// development login and consent pages (devInteractions), where the browser
// types an account's sub as the login and any password.
//
//   node server.mjs CONFIG.json
//
// CONFIG.json: {"clients": [{"client_id", "client_secret", "redirect_uris",
// "token_endpoint_auth_method"?}], "accounts_file": "ACCOUNTS.json"}.
// ACCOUNTS.json: [{"sub", "email", "email_verified", "name"}], read again at
// every sign-in so that a test can change what the provider says about a
// person. The server listens on a free port of 127.0.0.1 and prints one line
// of JSON, {"issuer": "http://127.0.0.1:PORT"}, once it is listening.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

import Provider from "oidc-provider";

const config = JSON.parse(readFileSync(process.argv[2], "utf8"));

function accounts() {
  return JSON.parse(readFileSync(config.accounts_file, "utf8"));
}

async function findAccount(ctx, sub) {
  const account = accounts().find((candidate) => candidate.sub === sub);
  if (!account) return undefined;
  return {
    accountId: sub,
    async claims() {
      return {
        sub,
        email: account.email,
        email_verified: account.email_verified,
        name: account.name,
      };
    },
  };
}

// A key of its own at every start: the ID tokens are signed with it (RS256)
// and it is published at jwks_uri.
const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const signingKey = {
  ...privateKey.export({ format: "jwk" }),
  kid: randomBytes(8).toString("hex"),
  alg: "RS256",
  use: "sig",
};

const server = createServer();
server.listen(0, "127.0.0.1", () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients: config.clients.map((client) => ({
      token_endpoint_auth_method: "client_secret_post",
      response_types: ["code"],
      grant_types: ["authorization_code"],
      ...client,
    })),
    findAccount,
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name"],
    },
    // Every client must prove its code with PKCE (S256), as the site does.
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString("hex")] },
  });
  server.on("request", provider.callback());
  process.stdout.write(`${JSON.stringify({ issuer })}\n`);
});

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
