using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People.Declension;

namespace AccountCoachBot.Features.Promises;

/// <summary>The question about a client never seen before: which names to offer, and what a typed answer means.</summary>
internal static class NewAccountAnswer
{
    private const int MaxProposals = 3;

    /// <summary>
    /// The names to offer for a new client: the nominatives it may come from and the name as typed («Ромашке» →
    /// «Ромашка», «Ромашке»); just the name when it is already a nominative or not Russian («Globex»).
    /// </summary>
    public static IReadOnlyList<string> Proposals(string typed)
    {
        if (!RussianNames.LooksOblique(typed)) return [typed];
        var names = RussianNames.Nominatives(typed).Take(MaxProposals - 1).ToList();
        var asTyped = typed.Trim().Trim('"', '«', '»');
        if (!names.Contains(asTyped, StringComparer.OrdinalIgnoreCase)) names.Add(asTyped);
        return names;
    }

    /// <summary>
    /// An answer that is neither yes nor no and is written like a name is the client's name as it should be; null
    /// for yes, no, or something that is not a name.
    /// </summary>
    public static string? TypedName(string? answer)
    {
        if (answer is null || Command.IsYes(answer) || IsNo(answer)) return null;
        var name = string.Join(' ', answer.Trim().Trim('"', '«', '»', '`', '.').Split(' ', StringSplitOptions.RemoveEmptyEntries));
        // A name starts with a capital or a digit («Ромашка-Плюс», «1С»); "maybe later" is not one.
        return name.Length is > 0 and <= 80 && (char.IsUpper(name[0]) || char.IsDigit(name[0])) && name.Any(char.IsLetter) && name.Split(' ').Length <= 6 ? name : null;
    }

    private static bool IsNo(string answer) =>
        Command.Is(answer, "no", "n", "nope", "нет", "не", "не надо", "no thanks", "нет, спасибо") ||
        answer.TrimStart().StartsWith("no ", StringComparison.OrdinalIgnoreCase) || answer.TrimStart().StartsWith("нет", StringComparison.OrdinalIgnoreCase);
}
