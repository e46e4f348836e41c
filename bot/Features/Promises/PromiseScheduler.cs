using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using AccountCoachBot.Scheduling;

namespace AccountCoachBot.Features.Promises;

/// <summary>Turns a promise's due time into outbox rows, and withdraws them when the promise changes.</summary>
public static class PromiseScheduler
{
    private static readonly string[] AllKinds = [ReminderPolicy.BeforeKind, ReminderPolicy.DueKind, ReminderPolicy.SnoozeKind];
    private static readonly string[] EarlyKinds = [ReminderPolicy.BeforeKind, ReminderPolicy.SnoozeKind];

    public static async Task PlanAsync(CoachDbContext db, Promise promise, Person person, ConversationAddress address, DateTime nowUtc, CancellationToken ct)
    {
        foreach (var reminder in ReminderPolicy.Plan(promise.DueUtc, nowUtc, person.Zone, person.Hours, promise.OnTrack))
        {
            await Outbox.EnqueueAsync(db, new NudgeRequest(reminder.Kind, person.Id, SubjectId(promise), reminder.AtUtc, address,
                ReminderPolicy.DedupeKey(reminder.Kind, promise.Id, promise.DueUtc)), nowUtc, ct);
        }
    }

    public static Task WithdrawAllAsync(CoachDbContext db, Promise promise, string reason, CancellationToken ct) =>
        Outbox.SkipPendingAsync(db, SubjectId(promise), AllKinds, reason, ct);

    /// <summary>"On track" means no more reminders before the due time; the one at the due time stays.</summary>
    public static Task WithdrawEarlyAsync(CoachDbContext db, Promise promise, string reason, CancellationToken ct) =>
        Outbox.SkipPendingAsync(db, SubjectId(promise), EarlyKinds, reason, ct);

    public static async Task SnoozeAsync(CoachDbContext db, Promise promise, Person person, ConversationAddress address, DateTime untilUtc, DateTime nowUtc, CancellationToken ct)
    {
        await WithdrawEarlyAsync(db, promise, "snoozed", ct);
        await Outbox.EnqueueAsync(db, new NudgeRequest(ReminderPolicy.SnoozeKind, person.Id, SubjectId(promise), untilUtc, address,
            ReminderPolicy.DedupeKey(ReminderPolicy.SnoozeKind, promise.Id, untilUtc)), nowUtc, ct);
    }

    public static string SubjectId(Promise promise) => $"promise:{promise.Id}";
}
