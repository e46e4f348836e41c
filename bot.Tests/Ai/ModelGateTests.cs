using System.Text.Json;
using AccountCoachBot.Ai;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Ai;

/// <summary>The real Azure.AI.OpenAI and OpenAI clients, through M.E.AI's IChatClient, against loopback fakes of both services.</summary>
public sealed class ModelGateTests : IAsyncLifetime
{
    private FakeModelServer _model = null!;

    public async Task InitializeAsync() => _model = await FakeModelServer.StartAsync();

    public async Task DisposeAsync() => await _model.DisposeAsync();

    private static readonly object Promise = new { isPromise = true, account = "Acme", contact = (string?)null, action = "send the SLA", due = "2026-03-10" };

    [Fact]
    public async Task CompleteJson_CallsAzureDeployment_WithApiVersionKeyAndStrictSchema()
    {
        _model.Answer(ModelAnswer.Json(Promise));
        await using var services = AiTestServices.Build(_model.Settings());

        var json = await services.CallAsync();

        Assert.Equal("Acme", json!.Value.GetProperty("account").GetString());
        var request = Assert.Single(_model.Requests);
        Assert.Equal($"/openai/deployments/{FakeModelServer.Deployment}/chat/completions", request.Path);
        Assert.False(string.IsNullOrEmpty(request.ApiVersion));
        Assert.Equal(FakeModelServer.Key, request.ApiKey);
        var format = request.Body["response_format"]!;
        Assert.Equal("json_schema", format["type"]!.ToString());
        Assert.Equal("promise_extraction", format["json_schema"]!["name"]!.ToString());
        Assert.True(format["json_schema"]!["strict"]!.GetValue<bool>());
        Assert.Equal("object", format["json_schema"]!["schema"]!["type"]!.ToString());
        Assert.Equal("system", request.Body["messages"]![0]!["role"]!.ToString());
    }

    [Fact]
    public async Task CompleteJson_CallsOpenAiCompatibleServer_WithBearerToken()
    {
        _model.Answer(ModelAnswer.Json(Promise));
        await using var services = AiTestServices.Build(_model.Settings(AiProviders.OpenAiCompatible));

        var json = await services.CallAsync();

        Assert.Equal("send the SLA", json!.Value.GetProperty("action").GetString());
        var request = Assert.Single(_model.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal($"Bearer {FakeModelServer.Key}", request.Authorization);
        Assert.Null(request.ApiKey);
        Assert.Equal(FakeModelServer.Deployment, request.Body["model"]!.ToString());
        Assert.Equal("json_schema", request.Body["response_format"]!["type"]!.ToString());
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"isPromise\": tru")]
    public async Task CompleteJson_ReturnsNull_WhenTheAnswerIsNotAJsonObject(string content)
    {
        _model.Answer(ModelAnswer.Text(content));
        await using var services = AiTestServices.Build(_model.Settings());

        Assert.Null(await services.CallAsync());
    }

    [Fact]
    public async Task CompleteJson_ReturnsNullAfterOneCall_WhenThrottled()
    {
        _model.Answer(ModelAnswer.Throttled);
        await using var services = AiTestServices.Build(_model.Settings());

        Assert.Null(await services.CallAsync());
        Assert.Single(_model.Requests); // the SDK's default would have retried a 429 three times
    }

    [Fact]
    public async Task CompleteJson_ReturnsNullAfterOneCall_WhenTheServiceFails()
    {
        _model.Answer(ModelAnswer.ServerError);
        await using var services = AiTestServices.Build(_model.Settings());

        Assert.Null(await services.CallAsync());
        Assert.Single(_model.Requests);
    }

    [Fact]
    public async Task CompleteJson_ReturnsNull_WhenTheModelNeverAnswers()
    {
        _model.Answer(ModelAnswer.Never);
        await using var services = AiTestServices.Build(_model.Settings(timeout: "00:00:00.300"));

        Assert.Null(await services.CallAsync());
        Assert.Single(_model.Requests);
    }

    [Fact]
    public async Task CompleteJson_ReturnsNull_WhenTheKeyIsWrong()
    {
        var settings = _model.Settings();
        settings["Ai:ApiKey"] = "wrong";
        await using var services = AiTestServices.Build(settings);

        Assert.Null(await services.CallAsync());
    }

    [Fact]
    public async Task CompleteJson_StopsCalling_WhenTheCircuitIsOpen_AndTriesAgainAfterAMinute()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
        _model.Answer(ModelAnswer.ServerError, ModelAnswer.ServerError, ModelAnswer.ServerError, ModelAnswer.Json(Promise));
        await using var services = AiTestServices.Build(_model.Settings(), time);

        for (var i = 0; i < 3; i++) Assert.Null(await services.CallAsync());
        Assert.Null(await services.CallAsync()); // open: no request at all
        Assert.Equal(3, _model.Requests.Count);

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.NotNull(await services.CallAsync());
        Assert.Equal(4, _model.Requests.Count);
    }

    [Fact]
    public void AddAi_FailsTheStart_WhenTheSectionIsIncomplete()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AiTestServices.Build(new Dictionary<string, string?>
        {
            ["Ai:Provider"] = "azure-openai",
            ["Ai:Endpoint"] = "http://127.0.0.1:1/",
        }));
        Assert.Contains("Ai:Deployment", error.Message);
    }

    [Fact]
    public async Task AddAi_BuildsAKeylessAzureClient_WhenNoKeyIsGiven()
    {
        var settings = _model.Settings();
        settings.Remove("Ai:ApiKey");
        await using var services = AiTestServices.Build(settings);

        // DefaultAzureCredential is built, not called: no token is fetched until a request is made.
        Assert.NotNull(services.GetRequiredService<Microsoft.Extensions.AI.IChatClient>());
        Assert.Empty(_model.Requests);
    }

    [Fact]
    public async Task AddAi_RegistersNoModel_WhenProviderIsNone()
    {
        await using var services = AiTestServices.Build(new Dictionary<string, string?>());

        Assert.Null(services.GetService<ModelGate>());
        Assert.False(services.GetRequiredService<AccountCoachBot.Ai.Answers.ICoachAnswerer>().IsAvailable);
    }
}
