namespace AccountCoachBot.Features.Calendar;

/// <summary>Why a calendar could not be read, in the terms it is told to the person.</summary>
public enum FeedProblem
{
    /// <summary>404/410 or another refusal that won't pass by itself; also an address that can't be decrypted any more.</summary>
    NotFound,

    /// <summary>401/403.</summary>
    Denied,

    /// <summary>A web page (a sign-in page, an error page) or anything else that isn't iCalendar.</summary>
    NotCalendar,

    /// <summary>Over <see cref="CalendarOptions.MaxFeedMegabytes"/>.</summary>
    TooBig,

    /// <summary>Timeouts, refused connections, 429 and 5xx: told only when it lasts.</summary>
    Unavailable,

    /// <summary>Graph answered 401/403: the bot's app lacks Calendars.Read, or an admin hasn't consented to it.</summary>
    NoConsent,

    /// <summary>Graph doesn't know the person (404 on their user).</summary>
    UserUnknown,
}

/// <summary>A read: the feed's text, or the problem (with the server's Retry-After when it gave one).</summary>
public sealed record FeedResult(string? Text, FeedProblem? Problem = null, TimeSpan? RetryAfter = null);
