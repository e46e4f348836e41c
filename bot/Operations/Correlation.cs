using System.Collections;

namespace AccountCoachBot.Operations;

/// <summary>
/// A logging scope naming the turn (<c>TurnId</c>, the inbound delivery id) or the nudge (<c>NudgeId</c>, the outbox row
/// id) being worked on, so every line logged inside it — by any logger — can be traced back to one message.
/// </summary>
public static class Correlation
{
    public const string TurnId = "TurnId";
    public const string NudgeId = "NudgeId";

    public static IDisposable? Turn(ILogger logger, string deliveryId) => logger.BeginScope(new Scope(TurnId, deliveryId));

    public static IDisposable? Nudge(ILogger logger, long outboxId) => logger.BeginScope(new Scope(NudgeId, outboxId));

    /// <summary>Structured for JSON and OpenTelemetry log exporters, readable (<c>TurnId:abc</c>) for the console.</summary>
    private sealed class Scope(string name, object value) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private readonly KeyValuePair<string, object?> _pair = new(name, value);

        public KeyValuePair<string, object?> this[int index] => index == 0 ? _pair : throw new ArgumentOutOfRangeException(nameof(index));
        public int Count => 1;
        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() { yield return _pair; }
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
        public override string ToString() => $"{_pair.Key}:{_pair.Value}";
    }
}
