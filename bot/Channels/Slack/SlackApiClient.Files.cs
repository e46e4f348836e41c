using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using AccountCoachBot.Conversation;

namespace AccountCoachBot.Channels.Slack;

/// <summary>
/// Sharing a picture (the digest's chart). <c>files.upload</c> is retired; the external upload takes three steps:
/// <c>files.getUploadURLExternal</c> (name and length) → POST the bytes to the <c>upload_url</c> it gives →
/// <c>files.completeUploadExternal</c> with <c>channel_id</c>, which shares the file there (scope <c>files:write</c>).
/// </summary>
public sealed partial class SlackApiClient
{
    /// <summary>The bytes' own step, recorded as a method in results and logs.</summary>
    public const string UploadStep = "upload_url";

    /// <summary>Uploads <paramref name="image"/> and shares it in <paramref name="channel"/> with its alt text as the comment. Returns the file id.</summary>
    public async Task<SlackApiResult<string>> ShareImageAsync(string channel, ReplyImage image, string? threadTs = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentNullException.ThrowIfNull(image);

        var target = await CallAsync("files.getUploadURLExternal", Form(("filename", image.FileName),
            ("length", image.Png.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("alt_txt", Shorten(image.AltText, 1000))), ct);
        if (!target.Ok || Str(target.Response, "upload_url") is not { } uploadUrl || Str(target.Response, "file_id") is not { } fileId)
            return With<string>(target.Ok ? target with { Ok = false, Error = SlackApiResult.InvalidResponse } : target, _ => null);

        var uploaded = await UploadAsync(uploadUrl, image, ct);
        if (!uploaded.Ok) return With<string>(uploaded, _ => null);

        var files = new JsonArray(new JsonObject { ["id"] = fileId, ["title"] = image.Title ?? image.FileName });
        var fields = new List<(string, string)> { ("files", files.ToJsonString()), ("channel_id", channel), ("initial_comment", image.AltText) };
        if (threadTs is not null) fields.Add(("thread_ts", threadTs));
        var completed = await CallAsync("files.completeUploadExternal", Form([.. fields]), ct);
        return With(completed, _ => fileId);
    }

    /// <summary>
    /// The raw bytes to the pre-signed URL (no token: the URL is the permission), with their Content-Length. Only
    /// Slack's hosts, or the configured API host (a loopback fake in tests), get them.
    /// </summary>
    private async Task<SlackApiResult> UploadAsync(string uploadUrl, ReplyImage image, CancellationToken ct)
    {
        if (!Uri.TryCreate(uploadUrl, UriKind.Absolute, out var url) || !IsSlackHost(url))
        {
            logger.LogWarning("Slack gave an upload URL on a host we do not send files to; the image is not shared");
            return new SlackApiResult(UploadStep, 0, false, SlackApiResult.InvalidResponse, null, null, null);
        }
        using var content = new ByteArrayContent(image.Png);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Headers.ContentLength = image.Png.Length;
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        try
        {
            using var response = await http.SendAsync(request, ct);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode) return new SlackApiResult(UploadStep, status, true, null, null, null, null);
            logger.LogWarning("Slack's upload URL answered {Status}", status);
            return new SlackApiResult(UploadStep, status, false, $"http_{status}", RetryAfterOf(response), null, null);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("Slack's upload URL timed out after {Timeout}", http.Timeout);
            return new SlackApiResult(UploadStep, 0, false, SlackApiResult.TransportTimeout, null, null, null);
        }
        catch (HttpRequestException e)
        {
            logger.LogWarning("Slack's upload URL failed before an answer arrived: {Reason}", e.HttpRequestError);
            return new SlackApiResult(UploadStep, 0, false, SlackApiResult.TransportError, null, null, null);
        }
    }

    private bool IsSlackHost(Uri url) =>
        (url.Scheme == Uri.UriSchemeHttps && url.Host.EndsWith(".slack.com", StringComparison.OrdinalIgnoreCase))
        || (Uri.TryCreate(options.Value.ApiBaseUrl, UriKind.Absolute, out var api) && api.Host == url.Host && api.Port == url.Port);

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
