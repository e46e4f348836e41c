using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AccountCoachBot.Channels.BotFramework;

namespace AccountCoachBot.Channels.Playground;

/// <summary>
/// One Direct Line conversation held in memory: its token, its person, and its transcript as Web Chat polls it.
/// Watermarks are absolute positions in the transcript, so trimming old activities never renumbers the rest.
/// </summary>
public sealed class DirectLineConversation(string id, string? token, string? userId, int maxActivities)
{
    private readonly object _gate = new();
    private readonly List<JsonObject> _activities = [];
    private readonly Dictionary<string, string> _byClientActivityId = new(StringComparer.Ordinal);
    private int _trimmed;
    private DateTimeOffset _lastTimestamp = DateTimeOffset.MinValue;
    private string? _token = token;
    private string? _userId = userId;

    public string Id { get; } = id;

    /// <summary>Turns run one at a time, so replies land in the order the person wrote.</summary>
    public SemaphoreSlim TurnLock { get; } = new(1, 1);

    public string? Token
    {
        get { lock (_gate) return _token; }
    }

    /// <summary>The person this conversation belongs to; a conversation recreated after a restart takes the first sender's id.</summary>
    public string? UserId
    {
        get { lock (_gate) return _userId; }
    }

    /// <summary>
    /// True when <paramref name="presented"/> is this conversation's token. A conversation that has none yet (made by
    /// a reminder after a restart) takes the first token presented for it.
    /// </summary>
    public bool Authorize(string presented)
    {
        lock (_gate)
        {
            _token ??= presented;
            return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(_token), Encoding.UTF8.GetBytes(presented));
        }
    }

    public string AdoptUser(string userId)
    {
        lock (_gate) return _userId ??= userId;
    }

    /// <summary>The id already given to the activity Web Chat sent with this client id (a retried POST), else null.</summary>
    public string? IdOfClientActivity(string clientActivityId)
    {
        lock (_gate) return _byClientActivityId.GetValueOrDefault(clientActivityId);
    }

    /// <summary>
    /// Appends the activity with a server timestamp (ISO string, strictly increasing so Web Chat keeps the order) and an
    /// id, unless it was given one (a card gets its id before its buttons are marked with it). Returns the id.
    /// </summary>
    public string Append(Activity activity, DateTimeOffset now)
    {
        lock (_gate)
        {
            activity.Id ??= NewActivityId();
            _lastTimestamp = now > _lastTimestamp ? now : _lastTimestamp.AddMilliseconds(1);
            activity.Timestamp = _lastTimestamp.ToUniversalTime();
            var node = JsonSerializer.SerializeToNode(activity, BotFrameworkJson.Options)!.AsObject();
            _activities.Add(node);
            if (activity.ChannelData?["clientActivityID"]?.GetValueKind() == JsonValueKind.String)
                _byClientActivityId[activity.ChannelData["clientActivityID"]!.GetValue<string>()] = activity.Id;
            while (_activities.Count > maxActivities)
            {
                _activities.RemoveAt(0);
                _trimmed++;
            }
            return activity.Id;
        }
    }

    /// <summary>
    /// Appends a new version of activity <paramref name="id"/> under its id and first timestamp, so Web Chat, which
    /// keeps one activity per id and sorts by timestamp, shows it in the card's place. False when the card is gone.
    /// </summary>
    public bool Replace(string id, Activity update)
    {
        lock (_gate)
        {
            // Only the bot's own messages: a submit naming anything else gets a reply of its own instead.
            var original = _activities.LastOrDefault(a => a["id"]?.GetValue<string>() == id);
            if (original?["timestamp"] is null || original["from"]?["role"]?.GetValue<string>() != "bot") return false;
            update.Id = id;
            update.Timestamp = DateTimeOffset.Parse(original["timestamp"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
            _activities.Add(JsonSerializer.SerializeToNode(update, BotFrameworkJson.Options)!.AsObject());
            while (_activities.Count > maxActivities)
            {
                _activities.RemoveAt(0);
                _trimmed++;
            }
            return true;
        }
    }

    /// <summary>A new activity id (hex), unique across restarts, as the pipeline records delivery ids.</summary>
    public static string NewActivityId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();

    /// <summary>
    /// The activities after <paramref name="watermark"/> and the new watermark. A watermark beyond the end (the bot
    /// restarted and this transcript began again) reads from the start.
    /// </summary>
    public (JsonArray Activities, int Watermark) Since(int watermark)
    {
        lock (_gate)
        {
            var end = _trimmed + _activities.Count;
            if (watermark > end) watermark = 0;
            var from = Math.Max(0, watermark - _trimmed);
            var result = new JsonArray();
            for (var i = from; i < _activities.Count; i++) result.Add(_activities[i].DeepClone());
            return (result, end);
        }
    }
}
