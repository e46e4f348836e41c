using AccountCoachBot.Features.People;

namespace AccountCoachBot.Features.Coaching.Ask;

/// <summary>A principle the search found for a question, with its score (higher fits better).</summary>
public sealed record PrincipleMatch(string Id, float Score);

/// <summary>
/// Finds the catalog principles that fit a question, offline. An empty list means nothing in the catalog fits:
/// callers say so rather than invent a principle.
/// </summary>
public interface IPrincipleSearch
{
    /// <summary>At most <paramref name="top"/> principles, best first, each above the search's minimum score.</summary>
    IReadOnlyList<PrincipleMatch> Find(string question, Language language, int top = 3);
}
