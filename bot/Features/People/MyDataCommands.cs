using System.Text.Json;
using System.Text.Json.Nodes;
using AccountCoachBot.Conversation;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.People;

/// <summary>`export` gives a person everything the bot stores about them; `forget me` deletes it, after a yes.</summary>
public sealed class MyDataCommands(IEnumerable<IPersonalData> features) : ITurnHandler
{
    public const string ForgetAction = "people.forget";

    private static readonly Text ExportTitle = new("Everything I store about you", "Всё, что я храню о вас");
    private static readonly Text ConfirmForget = new(
        "Delete everything I store about you — promises, accounts, meetings, settings? This can't be undone.",
        "Удалить всё, что я о вас храню: обещания, клиентов, встречи, настройки? Отменить будет нельзя.");
    private static readonly Text YesDelete = new("Yes, delete", "Да, удалить");
    private static readonly Text Keep = new("No, keep", "Нет, оставить");
    private static readonly Text Forgotten = new("Done: I deleted everything I stored about you. Write again any time to start afresh.", "Готово: я удалил всё, что хранил о вас. Напишите снова, когда захотите начать заново.");
    private static readonly Text Kept = new("OK, nothing deleted.", "Хорошо, ничего не удалено.");

    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<IReadOnlyList<Reply>?> TryHandleAsync(Turn turn, CancellationToken ct)
    {
        if (turn.Action is { Id: ForgetAction } action)
            return [Command.IsYes(action.Get("confirm")) ? await ForgetAsync(turn, ct) : turn.T(Kept)];
        if (turn.Action is not null) return null;

        if (PeopleVerbs.Export.Is(turn.Text))
            return [await ExportAsync(turn, ct)];
        if (PeopleVerbs.Forget.Is(turn.Text))
        {
            var question = turn.T(ConfirmForget);
            turn.AskFor(new SubmittedAction(ForgetAction, new Dictionary<string, string>()), new CardInput("confirm", InputKind.Text, question), closed: true);
            return [new Reply(question, new Card(question, Actions:
            [
                new CardAction(ForgetAction, turn.T(YesDelete), new Dictionary<string, string> { ["confirm"] = "yes" }),
                new CardAction(ForgetAction, turn.T(Keep), new Dictionary<string, string> { ["confirm"] = "no" }),
            ]))];
        }
        return null;
    }

    private async Task<Reply> ExportAsync(Turn turn, CancellationToken ct)
    {
        var p = turn.Person;
        var export = new JsonObject
        {
            ["person"] = new JsonObject
            {
                ["name"] = p.DisplayName, ["email"] = p.Email, ["timeZone"] = p.TimeZoneId, ["language"] = p.Language.Code(),
                ["workingHours"] = $"{p.WorkStart:HH\\:mm}-{p.WorkEnd:HH\\:mm}", ["workingDays"] = WeekdayNames.Describe(p.Hours.Days, Language.En),
                ["paused"] = p.Paused, ["gender"] = p.Gender.ToString(), ["since"] = p.CreatedUtc,
            },
            ["channels"] = new JsonArray((await turn.Db.ChannelIdentities.Where(i => i.PersonId == p.Id).Select(i => i.Channel).ToListAsync(ct))
                .Select(c => (JsonNode)JsonValue.Create(c)!).ToArray()),
        };
        foreach (var feature in features)
            export[feature.Section] = await feature.ExportAsync(turn.Db, p.Id, ct);
        var json = export.ToJsonString(Pretty);
        return new Reply($"{turn.T(ExportTitle)}:\n```\n{json}\n```");
    }

    private static async Task<Reply> ForgetAsync(Turn turn, CancellationToken ct)
    {
        var id = turn.Person.Id;
        var language = turn.Language;
        // Nudges are the one table without a key to the person; the rest cascades in the database.
        await turn.Db.Outbox.Where(o => o.PersonId == id).ExecuteDeleteAsync(ct);
        turn.Db.ChangeTracker.Clear();
        await turn.Db.People.Where(x => x.Id == id).ExecuteDeleteAsync(ct);
        return Forgotten[language];
    }
}
