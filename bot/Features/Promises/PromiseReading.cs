using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Promises.Parsing;

namespace AccountCoachBot.Features.Promises;

/// <summary>How the chat read a line: the parse, and for the explicit form the client's name exactly as typed.</summary>
public sealed record PromiseLine(PromiseParse Parse, bool IsExplicit, string? TypedAccount = null)
{
    /// <summary>True when the chat takes the line as a promise to capture (it may still ask for a date or a yes).</summary>
    public bool IsPromise => Parse.IsPromise;
}

/// <summary>
/// What the chat makes of one line as a promise: <c>promise Acme: …</c> is the explicit form, anything else is read
/// as free text. The chat, <c>parse --batch</c> and <c>eval</c> all call this, so they cannot disagree about a line.
/// </summary>
public static class PromiseReading
{
    public static PromiseLine Read(string text, ParseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        text ??= "";
        if (PromiseVerbs.Promise.Matches(text, out var body)) return Explicit(body, context);
        var parse = PromiseParser.Parse(text, context);
        // A promise with nothing to do is nothing to track.
        return new PromiseLine(parse.IsPromise && !string.IsNullOrWhiteSpace(parse.Action) ? parse : NotAPromise(text), IsExplicit: false);
    }

    /// <summary>The body of <c>promise &lt;account&gt;: &lt;what and when&gt;</c>; without a client, or with nothing after the colon, it is not a promise.</summary>
    public static PromiseLine Explicit(string body, ParseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var colon = body.IndexOf(':');
        if (colon <= 0 || colon == body.Length - 1) return new PromiseLine(NotAPromise(body), IsExplicit: true);
        var account = body[..colon].Trim();
        var parse = PromiseParser.ParseExplicit(account, body[(colon + 1)..].Trim(), context);
        return string.IsNullOrWhiteSpace(parse.Action)
            ? new PromiseLine(NotAPromise(body), IsExplicit: true)
            : new PromiseLine(parse, IsExplicit: true, account);
    }

    private static PromiseParse NotAPromise(string text) => PromiseParse.None(LanguageExtensions.FromScript(text) ?? Language.En);
}
