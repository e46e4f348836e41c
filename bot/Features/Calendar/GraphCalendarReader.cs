using System.Net;
using AccountCoachBot.Features.People;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Person = AccountCoachBot.Features.People.Person;
using Microsoft.Kiota.Abstractions;

namespace AccountCoachBot.Features.Calendar;

/// <summary>The events ahead, or why they couldn't be read (with the server's Retry-After when it gave one).</summary>
public sealed record EventsResult(IReadOnlyList<CalendarEventInfo>? Events, FeedProblem? Problem = null, TimeSpan? RetryAfter = null);

/// <summary>
/// Reads a person's Outlook calendar through Microsoft Graph: their calendarView for the days ahead, page by page, in
/// UTC. No retries here: the Graph SDK's retry middleware is left out on purpose (it would wait inside the read), and
/// 429 and 5xx go back to <see cref="CalendarRead"/>'s backoff, which honours Retry-After.
/// </summary>
public sealed class GraphCalendarReader(IHttpClientFactory http, GraphToken token, IOptions<GraphCalendarOptions> options, ILogger<GraphCalendarReader> logger)
{
    public const string ClientName = "calendar-graph";

    /// <summary>The Bot Framework channel id of Teams: the only channel whose people are in the bot's tenant.</summary>
    public const string TeamsChannel = "msteams";

    /// <summary>How a Graph calendar is named to the person.</summary>
    public const string Shown = "Outlook";

    /// <summary>The connection keeps the person's Graph user as an address, encrypted like a feed's.</summary>
    public static Uri AddressOf(string userId) => new("graph:users/" + Uri.EscapeDataString(userId));

    public static string? UserOf(Uri address) =>
        address.Scheme == "graph" && address.AbsolutePath.StartsWith("users/", StringComparison.Ordinal) ? Uri.UnescapeDataString(address.AbsolutePath["users/".Length..]) : null;
    private const int MaxPages = 50;

    private static readonly string[] Fields =
        ["id", "subject", "bodyPreview", "start", "end", "isAllDay", "isCancelled", "sensitivity", "responseStatus", "attendees", "organizer"];

    public async Task<EventsResult> ReadAsync(string userId, Person person, DateTime nowUtc, int daysAhead, CancellationToken ct)
    {
        var client = new GraphServiceClient(http.CreateClient(ClientName), token, options.Value.BaseUrl.TrimEnd('/'));
        var events = new List<Event>();
        try
        {
            var page = await client.Users[userId].CalendarView.GetAsync(r =>
            {
                r.QueryParameters.StartDateTime = nowUtc.ToString("yyyy-MM-ddTHH:mm:ssZ");
                r.QueryParameters.EndDateTime = nowUtc.AddDays(daysAhead).ToString("yyyy-MM-ddTHH:mm:ssZ");
                r.QueryParameters.Select = Fields;
                r.QueryParameters.Top = 100;
                r.Headers.Add("Prefer", "outlook.timezone=\"UTC\"");
            }, ct);
            for (var pages = 1; page is not null; pages++)
            {
                events.AddRange(page.Value ?? []);
                if (page.OdataNextLink is not { Length: > 0 } next || pages >= MaxPages) break;
                page = await client.Users[userId].CalendarView.WithUrl(next).GetAsync(r => r.Headers.Add("Prefer", "outlook.timezone=\"UTC\""), ct);
            }
        }
        catch (ApiException e)
        {
            logger.LogWarning("Graph calendarView answered {Status} ({Error})", e.ResponseStatusCode, (e as Microsoft.Graph.Models.ODataErrors.ODataError)?.Error?.Code);
            return Refused(e);
        }
        catch (GraphTokenException e)
        {
            logger.LogError("Graph token could not be had: {Error}", e.Message);
            return new EventsResult(null, FeedProblem.Unavailable);
        }
        catch (HttpRequestException)
        {
            return new EventsResult(null, FeedProblem.Unavailable);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return new EventsResult(null, FeedProblem.Unavailable);
        }
        return new EventsResult(GraphEvents.Map(events, person, nowUtc, daysAhead));
    }

    private static EventsResult Refused(ApiException e) => (HttpStatusCode)e.ResponseStatusCode switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new EventsResult(null, FeedProblem.NoConsent),
        HttpStatusCode.NotFound => new EventsResult(null, FeedProblem.UserUnknown),
        _ => new EventsResult(null, FeedProblem.Unavailable, RetryAfter(e)),
    };

    private static TimeSpan? RetryAfter(ApiException e)
    {
        if (e.ResponseHeaders is null) return null;
        var value = e.ResponseHeaders.FirstOrDefault(h => h.Key.Equals("Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        return value is not null && System.Text.RegularExpressions.Regex.IsMatch(value.Trim(), "^[0-9]{1,6}$") ? TimeSpan.FromSeconds(int.Parse(value.Trim())) : null;
    }
}
