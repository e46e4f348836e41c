using AccountCoachBot.Features.People;

namespace AccountCoachBot.Cli;

/// <summary>
/// The seam for a configured model in <c>eval</c>: the same cases go through it and its column sits beside the
/// parser's and the search's. With none, the column says "not configured".
/// </summary>
public interface IEvalModel
{
    /// <summary>Shown in the table header and the summary line, e.g. "azure-openai gpt-4o-mini".</summary>
    string Name { get; }

    /// <summary>One <c>parse --batch</c> request line in; the same JSON shape out (<c>{"isPromise","account","action","due"}</c>).</summary>
    Task<string> ParseAsync(string requestLine, CancellationToken ct);

    /// <summary>The principle ids the model cites for a question, best first.</summary>
    Task<IReadOnlyList<string>> AskAsync(string question, Language language, CancellationToken ct);
}
