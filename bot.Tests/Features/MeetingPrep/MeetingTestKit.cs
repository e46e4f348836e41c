using AccountCoachBot.Conversation;
using AccountCoachBot.Features.MeetingPrep;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountCoachBot.Tests.Features.MeetingPrep;

/// <summary>Shortcuts for meeting tests on the real pipeline.</summary>
internal static class MeetingTestKit
{
    /// <summary>A message from the same person through a channel that shows forms (Bot Framework: Teams, Web Chat).</summary>
    public static async Task<IReadOnlyList<Reply>> TeamsAsync(this CoachTestHost host, string? text, SubmittedAction? action = null, string user = "olga", string timeZone = "Europe/Berlin")
    {
        await using var scope = host.Services.CreateAsyncScope();
        var message = new InboundMessage("test", Guid.NewGuid().ToString("N"), new Sender(user, user),
            new InboundAddress("botframework", $"botframework|{user}", "{}"), text, action, "en-US", timeZone);
        return await scope.ServiceProvider.GetRequiredService<TurnPipeline>().HandleAsync(message, CancellationToken.None);
    }

    public static Task<Meeting> MeetingAsync(this CoachTestHost host, string account = "Acme") =>
        host.WithDbAsync(db => db.Set<Meeting>().Include(m => m.Account).Include(m => m.Answers)
            .Where(m => m.Account!.Name == account).OrderByDescending(m => m.Id).FirstAsync());

    public static Dictionary<string, string> Id(Meeting m) => new() { [MeetingActions.IdKey] = m.Id.ToString() };

    /// <summary>
    /// Answers the plain-chat checklist question by question: the answer for an item is picked by a phrase of its
    /// English question ("" skips it). Returns the questions asked, in order, and the last reply.
    /// </summary>
    public static async Task<(List<string> Questions, Reply Last)> AnswerStepsAsync(this CoachTestHost host, Reply first, Func<string, string> answerFor, string user = "olga", string timeZone = "Europe/Berlin")
    {
        var questions = new List<string>();
        var reply = first;
        for (var guard = 0; guard < 20 && reply.Card?.Lines.Any(l => l.StartsWith("Question ", StringComparison.Ordinal)) == true; guard++)
        {
            questions.Add(reply.Card.Title);
            var answer = answerFor(reply.Card.Title);
            reply = (await host.SayAsync(answer.Length == 0 ? "skip" : answer, user, timeZone: timeZone))[^1];
        }
        return (questions, reply);
    }
}
