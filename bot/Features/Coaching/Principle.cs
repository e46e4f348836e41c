using AccountCoachBot.Features.People;

namespace AccountCoachBot.Features.Coaching;

/// <summary>A text in both languages the coach speaks.</summary>
public sealed record LocalizedText(string En, string Ru)
{
    public string In(Language language) => language == Language.Ru ? Ru : En;
}

/// <summary>Where a principle comes from: a seed file under <c>../shared/seeds</c> and the original words, verbatim.</summary>
public sealed record PrincipleSource(string Seed, string Quote)
{
    /// <summary>The seed's number, the file name up to the first underscore ("004" for "004_717a45783c9e1f4c.txt").</summary>
    public string SeedNumber
    {
        get
        {
            var name = Path.GetFileNameWithoutExtension(Seed);
            var underscore = name.IndexOf('_');
            return underscore > 0 ? name[..underscore] : name;
        }
    }
}

/// <summary>
/// One coaching principle from <c>prompts/principles.json</c>. <paramref name="NextSteps"/> is one concrete thing to
/// do now; <paramref name="Keywords"/> are the words people use for situations it fits (the offline search reads them).
/// </summary>
public sealed record Principle(
    string Id,
    LocalizedText Titles,
    LocalizedText Statements,
    IReadOnlyList<string> Tags,
    PrincipleSource Source,
    LocalizedText? NextSteps = null,
    LocalizedText? Keywords = null)
{
    public string NextStep(Language language) => NextSteps?.In(language) ?? "";

    public string Keyword(Language language) => Keywords?.In(language) ?? "";

    public string Title(Language language) => Titles.In(language);

    public string Statement(Language language) => Statements.In(language);

    public bool HasTag(string tag) => Tags.Contains(tag, StringComparer.OrdinalIgnoreCase);
}
