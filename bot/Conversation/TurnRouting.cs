using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AccountCoachBot.Conversation;

/// <summary>What one handler answers: the button ids it owns and the verbs it takes.</summary>
public sealed record TurnRoute(Type Handler, IReadOnlyList<string> Buttons, IReadOnlyList<Verb> Verbs);

/// <summary>Who reads text that no verb claimed.</summary>
public sealed record FreeTextRoute(Type Handler);

/// <summary>Who answers a question that neither a verb nor the free-text reader claimed.</summary>
public sealed record QuestionRoute(Type Handler);

/// <summary>
/// Registration of turn handlers. An id or a verb means one thing: registering a button id, a verb or a word
/// a second time throws while the services are built, naming both registrants.
/// </summary>
public static class TurnRouting
{
    public static IServiceCollection AddTurnHandler<THandler>(this IServiceCollection services,
        IReadOnlyList<Verb>? verbs = null, IReadOnlyList<string>? buttons = null)
        where THandler : class, ITurnHandler
    {
        var route = new TurnRoute(typeof(THandler), buttons ?? [], verbs ?? []);
        if (route.Buttons.FirstOrDefault(id => id == SayAction.Id) is { } reserved)
            throw new InvalidOperationException($"Button id '{reserved}' ({typeof(THandler).Name}) is the pipeline's own: a pressed suggestion.");
        foreach (var other in services.Select(d => d.IsKeyedService ? null : d.ImplementationInstance).OfType<TurnRoute>())
        {
            if (other.Buttons.Intersect(route.Buttons, StringComparer.Ordinal).FirstOrDefault() is { } id)
                throw Duplicate($"Button id '{id}'", other, route);
            var words = other.Verbs.SelectMany(v => v.Words).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (route.Verbs.SelectMany(v => v.Words).FirstOrDefault(words.Contains) is { } word)
                throw Duplicate($"The command word '{word}'", other, route);
        }
        services.AddScoped<THandler>();
        services.AddSingleton(route);
        return services;
    }

    /// <summary>The one explicit fallback for text: a second one throws.</summary>
    public static IServiceCollection AddFreeTextHandler<THandler>(this IServiceCollection services)
        where THandler : class, IFreeTextHandler
    {
        if (services.Select(d => d.IsKeyedService ? null : d.ImplementationInstance).OfType<FreeTextRoute>().FirstOrDefault() is { } other)
            throw new InvalidOperationException(
                $"Free text is already read by {other.Handler.Name}; {typeof(THandler).Name} cannot read it too.");
        services.AddSingleton(new FreeTextRoute(typeof(THandler)));
        services.TryAddScoped<THandler>();
        return services;
    }

    /// <summary>The one reader of questions, asked after the free-text reader: a second one throws.</summary>
    public static IServiceCollection AddQuestionHandler<THandler>(this IServiceCollection services)
        where THandler : class, IQuestionHandler
    {
        if (services.Select(d => d.IsKeyedService ? null : d.ImplementationInstance).OfType<QuestionRoute>().FirstOrDefault() is { } other)
            throw new InvalidOperationException(
                $"Questions are already answered by {other.Handler.Name}; {typeof(THandler).Name} cannot answer them too.");
        services.AddSingleton(new QuestionRoute(typeof(THandler)));
        services.TryAddScoped<THandler>();
        return services;
    }

    private static InvalidOperationException Duplicate(string what, TurnRoute first, TurnRoute second) =>
        new($"{what} is registered by both {first.Handler.Name} and {second.Handler.Name}; an id or a command word must mean one thing.");
}

/// <summary>The registered routes, looked up per turn: a button goes to its owner, text to the handlers whose verb matches.</summary>
public sealed class TurnRoutes
{
    private readonly Dictionary<string, TurnRoute> _byButton = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<TurnRoute> _routes;

    public TurnRoutes(IEnumerable<TurnRoute> routes, IEnumerable<FreeTextRoute> freeText, IEnumerable<QuestionRoute> questions)
    {
        Question = questions.SingleOrDefault();
        _routes = routes.ToList();
        foreach (var route in _routes)
            foreach (var id in route.Buttons)
                _byButton.Add(id, route); // duplicates were refused at registration
        FreeText = freeText.SingleOrDefault();
    }

    public FreeTextRoute? FreeText { get; }

    public QuestionRoute? Question { get; }

    public IEnumerable<string> ButtonIds => _byButton.Keys;

    public TurnRoute? ForButton(string id) => _byButton.GetValueOrDefault(id);

    /// <summary>
    /// The handlers with a verb that starts this text, the most specific (longest matching word) first:
    /// `prep lead 2h` goes to the lead-time setting before `prep &lt;account&gt;`, `cancel meeting 2` to meetings before promises.
    /// </summary>
    public IReadOnlyList<TurnRoute> ForText(string text) =>
        _routes.Select(r => (Route: r, Length: r.Verbs.Count == 0 ? -1 : r.Verbs.Max(v => v.MatchLength(text))))
            .Where(x => x.Length > 0)
            .OrderByDescending(x => x.Length)
            .Select(x => x.Route)
            .ToList();
}
