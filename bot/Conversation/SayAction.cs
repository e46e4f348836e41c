namespace AccountCoachBot.Conversation;

/// <summary>A button that types a command for the person: a did-you-mean suggestion, an example in help.</summary>
public static class SayAction
{
    public const string Id = "say";
    public const string TextKey = "text";

    public static CardAction Button(string command, string? label = null) =>
        new(Id, label ?? command, new Dictionary<string, string> { [TextKey] = command });
}
