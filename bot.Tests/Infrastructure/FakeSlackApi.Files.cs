using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AccountCoachBot.Tests.Infrastructure;

/// <summary>
/// Slack's external file upload, as the fake answers it: <c>files.getUploadURLExternal</c> (form fields <c>filename</c>
/// and <c>length</c> &gt; 0) gives <c>{ok, upload_url, file_id}</c> with the upload URL on this fake; the bytes POSTed
/// there are kept and answered <c>200 OK - &lt;n&gt;</c>; <c>files.completeUploadExternal</c> with <c>files=[{id,title}]</c>
/// answers <c>{ok, files:[{id, title, name, mimetype, size, channels…}]}</c>. A file whose bytes never arrived, or an
/// unknown id, is refused with <c>file_not_found</c> (the fake's stricter reading: Slack's answer there is not documented).
/// </summary>
public sealed partial class FakeSlackApi
{
    /// <summary>The method name uploads to <c>upload_url</c> are recorded under, in order with the API calls.</summary>
    public const string UploadMethod = "upload_url";

    private readonly ConcurrentDictionary<string, UploadedFile> _files = new(StringComparer.Ordinal);
    private long _fileCount;

    /// <summary>A file as the fake holds it.</summary>
    /// <param name="DeclaredLength">The <c>length</c> given to <c>files.getUploadURLExternal</c>.</param>
    /// <param name="Bytes">What was POSTed to its upload URL, or null until then.</param>
    /// <param name="ContentLength">The upload request's <c>Content-Length</c> header, or null when it was chunked.</param>
    /// <param name="SharedTo">The <c>channel_id</c> it was shared to on completion, or null.</param>
    public sealed record UploadedFile(string Id, string Filename, long DeclaredLength, string? AltText, byte[]? Bytes = null,
        long? ContentLength = null, string? Title = null, string? SharedTo = null, string? InitialComment = null, bool Completed = false);

    public IReadOnlyList<UploadedFile> Files => _files.Values.OrderBy(f => f.Id, StringComparer.Ordinal).ToList();

    private JsonObject GetUploadUrl(JsonObject args)
    {
        if (Text(args["filename"]) is not { Length: > 0 } filename) return Error("invalid_arguments");
        if (!long.TryParse(Text(args["length"]), NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length <= 0)
            return Error("invalid_arguments");
        var id = "F0" + Interlocked.Increment(ref _fileCount).ToString("D9", CultureInfo.InvariantCulture);
        _files[id] = new UploadedFile(id, filename, length, Text(args["alt_txt"]));
        return new JsonObject { ["ok"] = true, ["upload_url"] = BaseUrl[..^"api/".Length] + "upload/v1/" + id, ["file_id"] = id };
    }

    private JsonObject CompleteUpload(JsonObject args)
    {
        if (ParseIfString(args["files"]) is not JsonArray { Count: > 0 } entries) return Error("invalid_arguments");
        var channel = Text(args["channel_id"]);
        var answered = new JsonArray();
        foreach (var entry in entries)
        {
            if (Text(entry?["id"]) is not { } id || !_files.TryGetValue(id, out var file) || file.Bytes is null) return Error("file_not_found");
            var title = Text(entry!["title"]) ?? file.Filename;
            _files[id] = file with { Title = title, SharedTo = channel, InitialComment = Text(args["initial_comment"]), Completed = true };
            answered.Add(new JsonObject
            {
                ["id"] = id, ["created"] = 1700000000, ["name"] = file.Filename, ["title"] = title, ["mimetype"] = "image/png",
                ["filetype"] = "png", ["size"] = file.Bytes.Length, ["user"] = BotUserId, ["is_external"] = false,
                ["channels"] = channel is not null && channel.StartsWith('C') ? new JsonArray(channel) : new JsonArray(),
                ["ims"] = channel is not null && channel.StartsWith('D') ? new JsonArray(channel) : new JsonArray(),
            });
        }
        return new JsonObject { ["ok"] = true, ["files"] = answered };
    }

    private async Task HandleUploadAsync(HttpContext context, string id)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var bytes = buffer.ToArray();
        var known = _files.TryGetValue(id, out var file);
        var status = known ? 200 : 404;
        if (known) _files[id] = file! with { Bytes = bytes, ContentLength = context.Request.ContentLength };
        var recorded = new JsonObject { ["file_id"] = id, ["bytes"] = bytes.Length, ["content_length"] = context.Request.ContentLength };
        lock (_calls)
        {
            _calls.Add(new RecordedCall(UploadMethod, recorded, context.Request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null,
                context.Request.ContentType, context.Request.Method, status, null));
            _changed.TrySetResult();
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain";
        await context.Response.WriteAsync(known ? $"OK - {bytes.Length}" : "Not Found");
    }
}
