using System.Text.Json;
using AccountCoachBot.Ai.Answers;
using AccountCoachBot.Ai.Extraction;
using AccountCoachBot.Cli;
using AccountCoachBot.Features.Coaching;
using AccountCoachBot.Features.Coaching.Ask;
using AccountCoachBot.Features.People;

namespace AccountCoachBot.Ai;

/// <summary>
/// The configured model's column in <c>eval</c>: each promise line goes through the same extraction and
/// reconciliation the chat uses (the model's reading when it has one), each question through the same answerer
/// with the same retrieved principles, and no one's records.
/// </summary>
public sealed class AiEvalModel(AiOptions options, PromiseExtractor extractor, ICoachAnswerer answerer, IPrincipleSearch search, PrincipleCatalog catalog)
    : IEvalModel
{
    public string Name => $"{options.Provider} {options.DeploymentOrModel}".Trim();

    public async Task<string> ParseAsync(string requestLine, CancellationToken ct)
    {
        var (text, context) = ParseBatchCommand.ReadRequest(requestLine);
        var model = await extractor.ExtractAsync(text, context, ct);
        var reading = model is null ? null : PromiseReconciler.Readings(Features.Promises.PromiseReading.Read(text, context).Parse, model).FirstOrDefault();
        return JsonSerializer.Serialize(new
        {
            isPromise = reading is not null,
            account = reading?.Account,
            action = reading?.Action,
            due = reading?.DueUtc is { } due ? ParseBatchCommand.FormatDue(new DateTimeOffset(due, TimeSpan.Zero).ToOffset(context.Zone.GetUtcOffset(due))) : null,
        });
    }

    public async Task<IReadOnlyList<string>> AskAsync(string question, Language language, CancellationToken ct)
    {
        var retrieved = search.Find(question, language, AskEval.Top).Select(m => catalog.Find(m.Id)).OfType<Principle>().ToList();
        var answer = await answerer.AnswerAsync(question, retrieved, PersonContext.Empty(language), ct);
        return answer?.PrincipleIds ?? [];
    }

    /// <summary>The model named by the settings (appsettings, environment, <c>--Ai:…</c> arguments), or null for none.</summary>
    public static ServiceProvider? Services(IEnumerable<string> args)
    {
        var settings = args.Where(a => a.StartsWith("--Ai:", StringComparison.OrdinalIgnoreCase) || a.StartsWith("--Ai__", StringComparison.OrdinalIgnoreCase)).ToArray();
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(settings)
            .Build();
        if (configuration.GetSection(AiOptions.Section).Get<AiOptions>() is not { IsEnabled: true }) return null;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(PrincipleCatalog.Load());
        services.AddSingleton<IPrincipleSearch>(sp => new LucenePrincipleSearch(sp.GetRequiredService<PrincipleCatalog>()));
        services.AddAi(configuration);
        services.AddSingleton<IEvalModel, AiEvalModel>();
        return services.BuildServiceProvider();
    }
}
