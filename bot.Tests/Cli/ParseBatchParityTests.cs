using System.Text.Json;
using AccountCoachBot.Cli;
using AccountCoachBot.Conversation;
using AccountCoachBot.Features.Promises;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Tests.Cli;

/// <summary>
/// `parse --batch` judges a line exactly as the chat does: for each line, a fresh person says it in the chat, and the
/// batch runner reads it with the same clock and zone. A promise the chat saves, or asks a date or a yes for, must be
/// isPromise with the same action in the batch; a line the chat does not capture must be isPromise false.
/// </summary>
public class ParseBatchParityTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 9, 0, 0, TimeSpan.Zero);
    private CoachTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CoachTestHost.StartAsync(Now);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("promise Hooli: share the onboarding plan in 3 days")] // the reported bug: the chat takes it, the batch said no
    [InlineData("promise Acme: send the quote by Friday")]
    [InlineData("promise Acme: call Olga")]
    [InlineData("promise Acme")]
    [InlineData("promise Acme:")]
    [InlineData("обещание Ромашка: отправить КП до пятницы")]
    [InlineData("обещаю Ромашка: прислать договор через 2 дня")]
    [InlineData("I'll send Initech the draft contract by Monday")]
    [InlineData("I'll ping Acme in 2 hours")]
    [InlineData("Обещал Globex перезвонить завтра в 9")]
    [InlineData("what did Acme say about pricing?")]
    [InlineData("What do I do if I promised Acme the quote by Friday and I won't make it?")]
    [InlineData("Что делать, если обещал Ромашке КП к пятнице и не успеваю?")]
    [InlineData("Acme promised to send us the PO by Friday")]
    [InlineData("promises")]
    public async Task ParseBatch_AgreesWithTheChat_OnEveryLine(string text)
    {
        var user = "u" + Guid.NewGuid().ToString("N")[..8];
        await _host.SayAsync(text, user: user);
        var (chatCaptured, chatAction) = await ChatReadingAsync(user);

        var request = JsonSerializer.Serialize(new { text, now = Now.ToString("O"), tz = "Europe/Berlin", accounts = Array.Empty<string>() });
        using var batch = JsonDocument.Parse(ParseBatchCommand.ParseLine(request));

        Assert.Equal(chatCaptured, batch.RootElement.GetProperty("isPromise").GetBoolean());
        if (chatCaptured) Assert.Equal(chatAction, batch.RootElement.GetProperty("action").GetString());
    }

    [Fact]
    public void ParseBatch_TakesTheExplicitForm_WithAccountActionAndDue()
    {
        var request = JsonSerializer.Serialize(new { text = "promise Hooli: share the onboarding plan in 3 days", now = "2026-03-04T11:00:00", tz = "Europe/Berlin" });

        using var result = JsonDocument.Parse(ParseBatchCommand.ParseLine(request));

        Assert.True(result.RootElement.GetProperty("isPromise").GetBoolean());
        Assert.Equal("Hooli", result.RootElement.GetProperty("account").GetString());
        Assert.Equal("share the onboarding plan", result.RootElement.GetProperty("action").GetString());
        Assert.Equal("2026-03-07T11:00:00+01:00", result.RootElement.GetProperty("due").GetString());
    }

    // Captured: saved, or the chat waits for the rest of the same promise (a date, a yes for a new client).
    private Task<(bool Captured, string? Action)> ChatReadingAsync(string user) => _host.WithDbAsync(async db =>
    {
        var person = await db.People.Include(p => p.Identities).SingleAsync(p => p.Identities.Any(i => i.ExternalId == user));
        var saved = await db.Promises.Where(p => p.OwnerId == person.Id).Select(p => p.What).FirstOrDefaultAsync();
        if (saved is not null) return (true, (string?)saved);
        var pending = PendingPrompt.TryDeserialize(person.PendingPromptJson);
        return pending is { ActionId: PromiseActions.Create } ? (true, pending.Payload.GetValueOrDefault(PromiseActions.WhatKey)) : (false, null);
    });
}
