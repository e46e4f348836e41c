namespace AccountCoachBot.Channels.Inbox;

/// <summary>
/// The empty 200 that acknowledges a request recorded in the inbox. <c>Results.Ok()</c> resolves a logger factory from
/// the request's services to log the status it sets, and so opened a request scope for every ack; this sets the status.
/// </summary>
public sealed class Acked : IResult
{
    public static readonly Acked Instance = new();

    private Acked()
    {
    }

    public Task ExecuteAsync(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status200OK;
        return Task.CompletedTask;
    }
}
