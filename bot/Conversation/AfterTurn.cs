namespace AccountCoachBot.Conversation;

/// <summary>
/// Work a handler starts only once its turn is committed (per scope, so per turn): slow work handed off the request
/// path must see the turn's own writes — a person created by this very message, a question just asked.
/// A turn that fails runs none of it.
/// </summary>
public sealed class AfterTurn
{
    private readonly List<Action> _actions = [];

    public void Add(Action action) => _actions.Add(action);

    internal void Run()
    {
        var actions = _actions.ToList();
        _actions.Clear();
        foreach (var action in actions) action();
    }
}
