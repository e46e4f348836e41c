using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;

namespace AccountCoachBot.Features.Calendar;

/// <summary>
/// Downloads an ICS feed, at most <see cref="CalendarOptions.MaxFeedMegabytes"/>, and says in product terms what went
/// wrong. Its HttpClient logs nothing (<see cref="CalendarExtensions"/>): a request log line would carry the secret address.
/// </summary>
public sealed class IcsFeedReader(IHttpClientFactory http, IOptions<CalendarOptions> options)
{
    public const string ClientName = "calendar-ics";

    public async Task<FeedResult> ReadAsync(Uri address, CancellationToken ct)
    {
        var cap = (long)Math.Max(1, options.Value.MaxFeedMegabytes) * 1024 * 1024;
        var client = http.CreateClient(ClientName);
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/calendar"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*", 0.1));
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if (!response.IsSuccessStatusCode) return Refused(response);
            if (response.Content.Headers.ContentLength > cap) return new FeedResult(null, FeedProblem.TooBig);
            if (response.Content.Headers.ContentType?.MediaType is "text/html" or "application/xhtml+xml") return new FeedResult(null, FeedProblem.NotCalendar);

            await using var stream = await response.Content.ReadAsStreamAsync(ct);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, ct)) > 0)
            {
                // Stop at the cap: a feed without a length (chunked) is cut off, not read to the end.
                if (buffer.Length + read > cap) return new FeedResult(null, FeedProblem.TooBig);
                buffer.Write(chunk, 0, read);
            }
            var text = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            return text.Contains("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase) ? new FeedResult(text) : new FeedResult(null, FeedProblem.NotCalendar);
        }
        catch (HttpRequestException)
        {
            return new FeedResult(null, FeedProblem.Unavailable);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return new FeedResult(null, FeedProblem.Unavailable);
        }
    }

    private static FeedResult Refused(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new FeedResult(null, FeedProblem.Denied),
        HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout or >= HttpStatusCode.InternalServerError =>
            new FeedResult(null, FeedProblem.Unavailable, RetryAfter(response)),
        _ => new FeedResult(null, FeedProblem.NotFound),
    };

    private static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta
        ?? (response.Headers.RetryAfter?.Date is { } date && response.Headers.Date is { } now ? date - now : null);
}
