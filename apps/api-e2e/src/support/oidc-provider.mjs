// A real OpenID Connect provider (the `oidc-provider` package) on loopback, for SSO tests.
// Usage: node oidc-provider.mjs <port> <redirect_uri>; prints "READY <issuer>" when listening.
// Accounts: any login name; its e-mail is `<login>` and is verified unless the login starts with "unverified".
import Provider from 'oidc-provider';

const [port, redirectUri] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'kengash',
      client_secret: 'kengash-test-secret-0123456789abcdef',
      redirect_uris: [redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  pkce: { required: () => true },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  cookies: { keys: ['test-cookie-key-0123456789abcdef'] },
  features: { devInteractions: { enabled: true } },
  async findAccount(_ctx, id) {
    return {
      accountId: id,
      async claims() {
        return {
          sub: `sub-${id}`,
          email: id.replace(/^unverified-/, ''),
          email_verified: !id.startsWith('unverified'),
          name: id,
        };
      },
    };
  },
});
provider.on('server_error', (_ctx, err) => console.error('oidc server_error', err));
provider.listen(Number(port), '127.0.0.1', () => console.log(`READY ${issuer}`));
