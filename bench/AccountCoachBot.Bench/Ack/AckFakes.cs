using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AccountCoachBot.Bench.Ack;

/// <summary>
/// Everything the bots under test talk to, on one loopback port: the Bot Framework OpenID metadata and key set
/// (a key generated at start, endorsing msteams), the token endpoint, the Bot Connector, Slack's Web API and
/// response_url. Answers at once and keeps nothing, so it costs every target the same.
/// </summary>
public static class AckFakes
{
    public const string AppId = "00000000-0000-0000-0000-00000000be9c";
    public const string Kid = "bench-key";

    public static async Task RunAsync(int port)
    {
        using var rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(rsa) { KeyId = Kid };
        var parameters = rsa.ExportParameters(false);
        var jwks = new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = "RSA", ["use"] = "sig", ["kid"] = Kid,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus), ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                ["endorsements"] = new JsonArray("msteams", "webchat"),
            }),
        }.ToJsonString();
        var serviceUrl = $"http://127.0.0.1:{port}/";
        // A channel token as the Bot Connector sends it: issuer api.botframework.com, audience the app id, the serviceurl claim.
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://api.botframework.com",
            Audience = AppId,
            Expires = DateTime.UtcNow.AddHours(6),
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });

        var builder = WebApplication.CreateSlimBuilder(SettingsFiles.ReadOnceWith([])); // no watch on the working folder
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        const string json = "application/json; charset=utf-8";
        app.MapGet("/bench/token", () => Results.Text(token));
        // The bot asks for https URLs (its handler maps them here); botbuilder-js is pointed at the http one.
        app.MapGet("/v1/.well-known/openidconfiguration", () => Results.Text(Metadata("https://login.botframework.com/v1/.well-known/keys"), json));
        app.MapGet("/js/openidconfiguration", () => Results.Text(Metadata($"http://127.0.0.1:{port}/v1/.well-known/keys"), json));
        app.MapGet("/v1/.well-known/keys", () => Results.Text(jwks, json));
        app.MapPost("/{tenant}/oauth2/v2.0/token", () =>
            Results.Text("""{"token_type":"Bearer","expires_in":3600,"ext_expires_in":3600,"access_token":"bench-access-token"}""", json));
        app.MapPost("/v3/conversations/{conversation}/activities/{id}", async (HttpContext c) => await Drain(c, """{"id":"reply-1"}"""));
        app.MapPost("/v3/conversations/{conversation}/activities", async (HttpContext c) => await Drain(c, """{"id":"reply-1"}"""));
        app.MapPost("/response/{id}", async (HttpContext c) => await Drain(c, "ok"));
        app.MapPost("/api/users.info", async (HttpContext c) =>
        {
            // The person asked about (ACK_SLACK_PEOPLE sends commands from several), e-mail and all of their own.
            var user = (await c.Request.ReadFormAsync())["user"].ToString();
            return Results.Text(SlackAnswer("users.info").Replace("U0BENCH", user).Replace("olga@", $"{user.ToLowerInvariant()}@"), json);
        });
        app.MapPost("/api/{method}", async (HttpContext c, string method) => await Drain(c, SlackAnswer(method)));
        await app.RunAsync();
    }

    private static string Metadata(string jwksUri) => new JsonObject
    {
        ["issuer"] = "https://api.botframework.com",
        ["authorization_endpoint"] = "https://invalid.botframework.com",
        ["jwks_uri"] = jwksUri,
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
    }.ToJsonString();

    private static string SlackAnswer(string method) => method switch
    {
        "auth.test" => """{"ok":true,"url":"https://bench.slack.com/","team":"Bench","user":"coach","team_id":"T0BENCH","user_id":"U0BOT","bot_id":"B0BOT"}""",
        "users.info" => """{"ok":true,"user":{"id":"U0BENCH","team_id":"T0BENCH","name":"olga","real_name":"Olga","tz":"Europe/Berlin","locale":"en-US","is_bot":false,"profile":{"email":"olga@example.com","real_name":"Olga","display_name":"Olga"}}}""",
        "conversations.open" => """{"ok":true,"channel":{"id":"D0BENCH"}}""",
        _ => """{"ok":true,"channel":"D0BENCH","ts":"1700000000.000100","message":{"ts":"1700000000.000100"}}""",
    };

    private static async Task<IResult> Drain(HttpContext context, string answer)
    {
        await context.Request.Body.CopyToAsync(Stream.Null);
        return Results.Text(answer, answer.StartsWith('{') ? json : "text/plain");
    }

    private const string json = "application/json; charset=utf-8";
}
