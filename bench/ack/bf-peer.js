// botbuilder-js echo bot (Microsoft's CloudAdapter on express, as in their samples), validating the same channel
// token against the loopback fakes' OpenID metadata. Outbound calls get a fixed token (no MSAL round trip).
// Usage: node bf-peer.js <port> <fakesPort> <appId>
'use strict';
const express = require('express');
const { CloudAdapter, ConfigurationBotFrameworkAuthentication } = require('botbuilder');
const { PasswordServiceClientCredentialFactory, MicrosoftAppCredentials } = require('botframework-connector');

const [port, fakesPort, appId] = process.argv.slice(2);

class FixedTokenCredentials extends MicrosoftAppCredentials {
    async getToken() { return 'bench-access-token'; }
}
class FixedTokenFactory extends PasswordServiceClientCredentialFactory {
    async createCredentials(id, audience) { return new FixedTokenCredentials(id, this.password, undefined, audience); }
}

const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: appId,
    MicrosoftAppPassword: 'bench-password',
    MicrosoftAppType: 'MultiTenant',
    // Setting one endpoint makes the SDK take every endpoint from here: the public cloud's values, but the metadata.
    ToBotFromChannelOpenIdMetadataUrl: `http://127.0.0.1:${fakesPort}/js/openidconfiguration`,
    ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
    ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration',
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    OAuthUrl: 'https://api.botframework.com',
    CallerId: 'urn:botframework:azure',
    ValidateAuthority: true,
}, new FixedTokenFactory(appId, 'bench-password'));
const adapter = new CloudAdapter(auth);
adapter.onTurnError = async (context, error) => { console.error(error); };

const app = express();
app.use(express.json({ limit: '256kb' }));
app.post('/api/messages', (req, res) => adapter.process(req, res, async (context) => {
    if (context.activity.type === 'message') await context.sendActivity(`Echo: ${context.activity.text}`);
}));
app.listen(Number(port), '127.0.0.1', () => console.log(`bf-peer on ${port}`));
