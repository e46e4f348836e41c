namespace AccountCoachBot.Features.Coaching;

/// <summary>
/// Ids of principles that code refers to. Every constant here must exist in <c>prompts/principles.json</c>
/// (a test checks it by reflection), so refer to principles through these constants, not string literals.
/// </summary>
public static class PrincipleIds
{
    // Promises
    public const string AlwaysDoWhatYouSay = "always-do-what-you-say";
    public const string RenegotiateBeforeTheDeadline = "renegotiate-before-the-deadline";
    public const string OpenItemsAreRemembered = "open-items-are-remembered";
    public const string TellBadNewsTruthfully = "tell-bad-news-truthfully";
    public const string IDontKnowIllFindOut = "i-dont-know-ill-find-out";
    public const string YourProblemsStayYours = "your-problems-stay-yours";

    // Meetings
    public const string NeverAloneToImportantMeeting = "never-alone-to-important-meeting";
    public const string SellInternally = "sell-internally";
    public const string PrepareForEveryMeeting = "prepare-for-every-meeting";
    public const string KnowTheClientsBusiness = "know-the-clients-business";
    public const string PlayThePersonNotTheGame = "play-the-person-not-the-game";
    public const string IfInDoubtAsk = "if-in-doubt-ask";

    // Key accounts and proactive calls
    public const string ProactiveCall = "proactive-call";
    public const string KeyAccountCare = "key-account-care";
    public const string RecordEveryEvent = "record-every-event";
    public const string OneVoice = "one-voice";
    public const string VirtualTeam = "virtual-team";

    // Team leads and digests
    public const string RecognizeSuccessRightAway = "recognize-success-right-away";
    public const string KpiInYourControl = "kpi-in-your-control";
    public const string MakeControlAHabit = "make-control-a-habit";
}
