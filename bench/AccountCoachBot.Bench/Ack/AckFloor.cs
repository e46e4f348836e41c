using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace AccountCoachBot.Bench.Ack;

/// <summary>
/// The floor: bare Kestrel doing the least any correct handler must do. A slash command: read, check the 5-minute
/// window, verify the HMAC, parse the form, 200. An activity: read, parse, post one reply to its serviceUrl, 200.
/// </summary>
public static class AckFloor
{
    public static async Task RunAsync(int port, string signingSecret)
    {
        var builder = WebApplication.CreateSlimBuilder(SettingsFiles.ReadOnceWith([])); // no watch on the working folder
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var secret = Encoding.UTF8.GetBytes(signingSecret);
        var http = new HttpClient();

        app.MapPost("/slack/commands", async (HttpContext c) =>
        {
            var body = await ReadAsync(c.Request);
            var ts = c.Request.Headers["X-Slack-Request-Timestamp"].ToString();
            if (!long.TryParse(ts, out var seconds) || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - seconds) > 300) return Results.Unauthorized();
            var signed = Encoding.UTF8.GetBytes($"v0:{ts}:").Concat(body).ToArray();
            var expected = "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(secret, signed));
            var given = c.Request.Headers["X-Slack-Signature"].ToString();
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(given))) return Results.Unauthorized();
            var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
            return form.ContainsKey("trigger_id") ? Results.Ok() : Results.BadRequest();
        });

        app.MapPost("/api/messages", async (HttpContext c) =>
        {
            using var activity = JsonDocument.Parse(await ReadAsync(c.Request));
            var root = activity.RootElement;
            var serviceUrl = root.GetProperty("serviceUrl").GetString()!.TrimEnd('/');
            var conversation = Uri.EscapeDataString(root.GetProperty("conversation").GetProperty("id").GetString()!);
            var id = Uri.EscapeDataString(root.GetProperty("id").GetString()!);
            var reply = JsonSerializer.SerializeToUtf8Bytes(new
            {
                type = "message",
                text = "Echo: " + root.GetProperty("text").GetString(),
                replyToId = root.GetProperty("id").GetString(),
                conversation = new { id = root.GetProperty("conversation").GetProperty("id").GetString() },
            });
            var content = new ByteArrayContent(reply);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await http.PostAsync($"{serviceUrl}/v3/conversations/{conversation}/activities/{id}", content);
            return response.IsSuccessStatusCode ? Results.Ok() : Results.StatusCode(502);
        });
        await app.RunAsync();
    }

    private static async Task<byte[]> ReadAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
