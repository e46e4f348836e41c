using AccountCoachBot.Conversation;
using AccountCoachBot.Features.MeetingPrep;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AccountCoachBot.Features.Calendar;

/// <summary>
/// `calendar https://…/basic.ics` connects (or replaces) the person's calendar feed, `calendar` says how it stands,
/// `calendar off` forgets it and the upcoming meetings it brought; `not a client meeting 3` takes one off for good.
/// </summary>
public sealed class CalendarCommands(CalendarSecrets secrets, IOptions<CalendarOptions> options, IOptions<GraphCalendarOptions> graph) : ITurnHandler
{
    public async Task<IReadOnlyList<Reply>?> TryHandleAsync(Turn turn, CancellationToken ct)
    {
        if (turn.Action is not null) return null;
        if (CalendarVerbs.NotClient.Matches(turn.Text, out var rest))
            return [await NotClientAsync(turn, rest, ct)];
        if (!CalendarVerbs.Calendar.Matches(turn.Text, out rest)) return null;
        if (rest.Length == 0) return [await StatusAsync(turn, ct)];
        if (Command.Is(rest, "off", "disconnect", "stop", "remove", "выкл", "отключить", "удалить")) return [await OffAsync(turn, ct)];
        if (Command.Is(rest, "connect", "outlook", "подключить")) return [await ConnectGraphAsync(turn, ct)];
        return [await ConnectAsync(turn, rest, ct)];
    }

    private async Task<Reply> ConnectAsync(Turn turn, string rest, CancellationToken ct)
    {
        var text = rest.Trim().Trim('<', '>', '"', '«', '»', '`');
        if (text.StartsWith("webcal://", StringComparison.OrdinalIgnoreCase)) text = "https://" + text["webcal://".Length..];
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.Host.Length == 0 || text.Length > 2000)
            return turn.T(CalendarTexts.NotAnAddress);
        if (uri.Scheme == "http" && !options.Value.AllowPrivateNetworks) return turn.T(CalendarTexts.NeedsHttps);

        var connection = await SetAsync(turn, CalendarKind.Ics, uri, CalendarSecrets.Shown(uri), ct);
        var reply = turn.T(CalendarTexts.Connected, connection.Shown, (int)options.Value.ReadEvery.TotalMinutes);
        return await WithTipAsync(turn, reply, ct);
    }

    /// <summary>
    /// Outlook through Graph: only from Teams, where the person is someone in the bot's Microsoft 365 tenant; found
    /// by their directory id, or by their email when Teams didn't give it.
    /// </summary>
    private async Task<Reply> ConnectGraphAsync(Turn turn, CancellationToken ct)
    {
        if (turn.Message.Channel != GraphCalendarReader.TeamsChannel || !graph.Value.IsConfigured) return turn.T(CalendarTexts.GraphNotConfigured);
        var user = turn.Message.Sender.DirectoryId ?? turn.Person.Email;
        if (string.IsNullOrWhiteSpace(user)) return turn.T(CalendarTexts.GraphNoUser);
        await SetAsync(turn, CalendarKind.Graph, GraphCalendarReader.AddressOf(user.Trim()), GraphCalendarReader.Shown, ct);
        return await WithTipAsync(turn, turn.T(CalendarTexts.GraphConnected, (int)options.Value.ReadEvery.TotalMinutes), ct);
    }

    private async Task<CalendarConnection> SetAsync(Turn turn, CalendarKind kind, Uri address, string shown, CancellationToken ct)
    {
        var set = turn.Db.Set<CalendarConnection>();
        var connection = await set.FirstOrDefaultAsync(c => c.PersonId == turn.Person.Id, ct);
        if (connection is null) set.Add(connection = new CalendarConnection { PersonId = turn.Person.Id });
        connection.Kind = kind;
        connection.ProtectedAddress = secrets.Protect(address);
        connection.Shown = shown;
        connection.AddressId = turn.Address.Id;
        connection.ConnectedUtc = turn.NowUtc;
        connection.NextReadUtc = turn.NowUtc;
        connection.Failures = 0;
        connection.ToldProblem = null;
        return connection;
    }

    private static async Task<Reply> WithTipAsync(Turn turn, string reply, CancellationToken ct)
    {
        var hasDomains = await turn.Db.Set<AccountDomain>().AnyAsync(d => d.Account!.OwnerId == turn.Person.Id, ct);
        return hasDomains ? reply : reply + "\n" + turn.T(CalendarTexts.Tip);
    }

    private async Task<Reply> StatusAsync(Turn turn, CancellationToken ct)
    {
        var connection = await turn.Db.Set<CalendarConnection>().AsNoTracking().FirstOrDefaultAsync(c => c.PersonId == turn.Person.Id, ct);
        if (connection is null) return turn.T(CalendarTexts.Usage);
        var status = connection.LastReadUtc is { } read
            ? turn.T(CalendarTexts.Status, connection.Shown, Formats.When(read, turn.Person.Zone, turn.Language))
            : turn.T(CalendarTexts.StatusNotYet, connection.Shown);
        // The trouble already told, said again when asked.
        if (Enum.TryParse<FeedProblem>(connection.ToldProblem, out var problem))
            status += "\n" + CalendarNudges.Say(problem, connection.Shown, turn.Language, options.Value.MaxFeedMegabytes);
        return status;
    }

    /// <summary>Meetings already held stay, with their debriefs: they are the person's record, not the calendar's.</summary>
    private static async Task<Reply> OffAsync(Turn turn, CancellationToken ct)
    {
        var connection = await turn.Db.Set<CalendarConnection>().FirstOrDefaultAsync(c => c.PersonId == turn.Person.Id, ct);
        if (connection is null) return turn.T(CalendarTexts.OffNone);
        var links = await turn.Db.Set<CalendarMeeting>().Include(l => l.Meeting).Where(l => l.PersonId == turn.Person.Id).ToListAsync(ct);
        var forgotten = 0;
        foreach (var link in links)
        {
            var meeting = link.Meeting!;
            if (meeting.StartUtc > turn.NowUtc)
            {
                await MeetingScheduler.WithdrawAllAsync(turn.Db, meeting, "calendar disconnected", ct);
                if (meeting.Status == MeetingStatus.Scheduled && !link.Dismissed) forgotten++;
                turn.Db.Set<Meeting>().Remove(meeting);
            }
            turn.Db.Set<CalendarMeeting>().Remove(link);
        }
        turn.Db.Set<CalendarConnection>().Remove(connection);
        return turn.T(CalendarTexts.Off, forgotten);
    }

    private static async Task<Reply> NotClientAsync(Turn turn, string rest, CancellationToken ct)
    {
        if (MeetingWords.Number(rest) is not { } number) return turn.T(CalendarTexts.NotClientUsage);
        var meeting = await turn.Db.Set<Meeting>().Include(m => m.Account).FirstOrDefaultAsync(m => m.OwnerId == turn.Person.Id && m.Number == number, ct);
        if (meeting is null) return turn.T(CalendarTexts.NotClientUnknown, number);
        var link = await turn.Db.Set<CalendarMeeting>().FirstOrDefaultAsync(l => l.MeetingId == meeting.Id && l.PersonId == turn.Person.Id, ct);
        if (link is null) return turn.T(CalendarTexts.NotClientTyped, number);
        if (link.Dismissed) return turn.T(CalendarTexts.NotClientAlready, number);
        link.Dismissed = true;
        await CancelMeetingHandler.HandleAsync(turn.Db, turn.Person.Id, new CancelMeeting(meeting.Id), turn.NowUtc, ct);
        var when = meeting.StartUtc is { } start ? Formats.When(start, turn.Person.Zone, turn.Language) : "";
        return turn.T(CalendarTexts.NotClientDone, number, meeting.Account?.Name, when);
    }
}
