using System.Buffers;

namespace AccountCoachBot.Channels;

/// <summary>A platform's request body, read whole (before anything parses it) up to a limit.</summary>
public static class RequestBody
{
    private const int ChunkBytes = 16 * 1024;

    /// <summary>
    /// The body's bytes, or null when it is longer than <paramref name="maxBytes"/>. With a Content-Length (Slack and
    /// the Bot Connector send one) it is read into an array of its own size: a 16 kB chunk and a growing stream copied
    /// out at the end were 20 kB allocated for each 1 kB activity, three quarters of all the bot allocated under load
    /// (bench/JOURNAL.md). Without one, it is read a pooled chunk at a time, and refused as soon as it passes the limit.
    /// </summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        if (request.ContentLength is { } length)
        {
            if (length > maxBytes) return null;
            var exact = new byte[length]; // Kestrel holds the body to its Content-Length
            await request.Body.ReadExactlyAsync(exact, ct);
            return exact;
        }

        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk.AsMemory(0, ChunkBytes), ct)) > 0)
            {
                if (buffer.Length + read > maxBytes) return null;
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return buffer.ToArray();
    }
}
