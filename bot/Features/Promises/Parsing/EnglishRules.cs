using AccountCoachBot.Features.People;
using static AccountCoachBot.Features.Promises.Parsing.LanguageRules;

namespace AccountCoachBot.Features.Promises.Parsing;

/// <summary>English word tables. Words are written normalized (lower case, straight apostrophes).</summary>
internal static class EnglishRules
{
    public static LanguageRules Instance { get; } = new()
    {
        Language = Language.En,

        // "sat"/"sun" are left out: too often not weekdays ("sat down", Sun as a name).
        Weekdays = new(new[]
        {
            Forms(DayOfWeek.Monday, "monday|mon"),
            Forms(DayOfWeek.Tuesday, "tuesday|tue|tues"),
            Forms(DayOfWeek.Wednesday, "wednesday|wed"),
            Forms(DayOfWeek.Thursday, "thursday|thu|thur|thurs"),
            Forms(DayOfWeek.Friday, "friday|fri"),
            Forms(DayOfWeek.Saturday, "saturday"),
            Forms(DayOfWeek.Sunday, "sunday"),
        }.SelectMany(x => x)),

        Months = new(new[]
        {
            Forms(1, "january|jan"), Forms(2, "february|feb"), Forms(3, "march|mar"), Forms(4, "april|apr"),
            Forms(5, "may"), Forms(6, "june|jun"), Forms(7, "july|jul"), Forms(8, "august|aug"),
            Forms(9, "september|sep|sept"), Forms(10, "october|oct"), Forms(11, "november|nov"), Forms(12, "december|dec"),
        }.SelectMany(x => x)),

        Numbers = new(new[]
        {
            Forms(1, "a|an|one"), Forms(2, "two|a couple of|a couple|couple of|couple"), Forms(3, "three"), Forms(4, "four"),
            Forms(5, "five"), Forms(6, "six"), Forms(7, "seven"), Forms(8, "eight"), Forms(9, "nine"), Forms(10, "ten"),
            Forms(11, "eleven"), Forms(12, "twelve"), Forms(14, "fourteen"), Forms(15, "fifteen"), Forms(20, "twenty"),
            Forms(30, "thirty"), Forms(45, "forty-five|forty five"),
        }.SelectMany(x => x)),

        Units = new(new[]
        {
            Forms(DueUnit.Minute, "minute|minutes|min|mins"),
            Forms(DueUnit.Hour, "hour|hours|hr|hrs"),
            Forms(DueUnit.Day, "day|days"),
            Forms(DueUnit.WorkDay, "business day|business days|working day|working days|workday|workdays"),
            Forms(DueUnit.Week, "week|weeks"),
            Forms(DueUnit.Month, "month|months"),
        }.SelectMany(x => x)),

        OrdinalSuffixes = ["st", "nd", "rd", "th"],
        AmWords = Set("am|a.m"),
        PmWords = Set("pm|p.m"),
        HourWords = Set("o'clock|oclock"),
        LeadIns = Phrases("by|on|at|before|until|till|due|no later than|not later than"),
        ClockFollowers = Set("and|or|then|sharp|latest"),

        // Longest match wins at a position; on a tie the earlier rule wins.
        DueRules =
        [
            new("today|tonight", DueKind.RelativeDay, 0),
            new("tomorrow|tmrw|tmr", DueKind.RelativeDay, 1),
            new("end of tomorrow", DueKind.RelativeDay, 1),
            new("the? day after tomorrow", DueKind.RelativeDay, 2),

            new("this? {wd}", DueKind.Weekday),
            new("this coming {wd}", DueKind.Weekday),
            new("next {wd}", DueKind.NextWeekday),
            new("{wd} next week", DueKind.NextWeekday),
            new("next week on? {wd}", DueKind.NextWeekday),

            new("in|within {n} {unit}", DueKind.Offset),
            new("in|within the next {n} {unit}", DueKind.Offset),
            new("{n} {unit} from now", DueKind.Offset),
            new("in|within half an hour", DueKind.Offset, 30, DueUnit.Minute),

            new("the? {ord}", DueKind.DayOfMonth),
            new("the? {ord} of this month", DueKind.DayOfMonth),
            new("{month} {dom} ,? {year}?", DueKind.Date),
            new("the? {dom} of? {month} ,? {year}?", DueKind.Date),
            new("{numdate}", DueKind.Date),
            // "Monday, March 9": the date decides, the weekday only confirms it.
            new("{wd} ,? {month} {dom} ,? {year}?", DueKind.Date),
            new("{wd} ,? the? {dom} of? {month} ,? {year}?", DueKind.Date),

            new("eod|eob|cob|end-of-day", DueKind.EndOfDay),
            new("the? end of the? day|today", DueKind.EndOfDay),
            new("the? end of the? business|working day", DueKind.EndOfDay),
            new("the? end of business", DueKind.EndOfDay),
            new("the? close of business|play", DueKind.EndOfDay),

            new("eow", DueKind.EndOfWeek, 0),
            new("later? this week", DueKind.EndOfWeek, 0),
            new("the? end of the? week", DueKind.EndOfWeek, 0),
            new("the? end of this week", DueKind.EndOfWeek, 0),
            new("the? end of next week", DueKind.EndOfWeek, 1),
            new("the? end of the next week", DueKind.EndOfWeek, 1),
            new("early? next week", DueKind.NextWeek),

            new("eom", DueKind.EndOfMonth, 0),
            new("this month", DueKind.EndOfMonth, 0),
            new("the? end of the? month", DueKind.EndOfMonth, 0),
            new("the? end of this month", DueKind.EndOfMonth, 0),
            new("the? end of next month", DueKind.EndOfMonth, 1),
            new("the? end of the next month", DueKind.EndOfMonth, 1),

            new("morning", DueKind.TimeOfDay, 9 * 60),
            new("first thing", DueKind.TimeOfDay, 9 * 60),
            new("in|this the? morning", DueKind.TimeOfDay, 9 * 60),
            new("first thing in the morning", DueKind.TimeOfDay, 9 * 60),
            new("noon|midday|lunch|lunchtime", DueKind.TimeOfDay, 12 * 60),
            new("afternoon", DueKind.TimeOfDay, 14 * 60),
            new("after lunch", DueKind.TimeOfDay, 14 * 60),
            new("in|this the? afternoon", DueKind.TimeOfDay, 14 * 60),
            new("evening", DueKind.EndOfDay),
            new("in|this the? evening", DueKind.EndOfDay),

            new("{clock}", DueKind.Clock),
            new("at|around|about|by|before|until|till {hour}", DueKind.Clock),
        ],

        Markers = new(new (string, IntentMarker)[]
        {
            M("i'll"), M("i will"), M("i shall"), M("i'm going to"), M("i am going to"), M("i'm gonna"), M("i am gonna"),
            M("i promise"), M("i promised"), M("i've promised"), M("i have promised"), M("i'd promised"), M("i had promised"),
            M("i'd"), M("i commit to"), M("i committed to"), M("i've committed to"),
            M("we'll"), M("we will"), M("we're going to"), M("we are going to"), M("we promise"), M("we promised"),
            M("we've promised"), M("we have promised"),
            M("i need to", MarkerTraits.NeedsDue), M("i have to", MarkerTraits.NeedsDue), M("i must", MarkerTraits.NeedsDue),
            M("i should", MarkerTraits.NeedsDue), M("we need to", MarkerTraits.NeedsDue), M("we have to", MarkerTraits.NeedsDue),
            M("let me", MarkerTraits.NeedsDue), M("i owe"),
            // A note to oneself with a date is a commitment too: "Note to self: send Acme the deck by Friday".
            M("note to self", MarkerTraits.NeedsDue), M("todo", MarkerTraits.NeedsDue), M("to do", MarkerTraits.NeedsDue),
            // No subject of their own: "Will send Acme the quote", but not "Acme will send us the PO".
            M("will", MarkerTraits.SubjectCheck), M("promised", MarkerTraits.SubjectCheck), M("promise to", MarkerTraits.SubjectCheck),
            M("going to", MarkerTraits.SubjectCheck), M("gonna", MarkerTraits.SubjectCheck), M("committed to", MarkerTraits.SubjectCheck),
            M("need to", MarkerTraits.SubjectCheck | MarkerTraits.NeedsDue), M("have to", MarkerTraits.SubjectCheck | MarkerTraits.NeedsDue),
            M("must", MarkerTraits.SubjectCheck | MarkerTraits.NeedsDue),
            M("will do", MarkerTraits.NoCommitment), M("will see", MarkerTraits.NoCommitment), M("we'll see", MarkerTraits.NoCommitment),
            M("i'll see", MarkerTraits.NoCommitment), M("we will see", MarkerTraits.NoCommitment), M("i will see", MarkerTraits.NoCommitment),
        }),

        Preface = Set("ok|okay|so|also|and|but|then|yes|yeah|yep|sure|btw|fyi|note|noted|reminder|hopefully|definitely|" +
                      "just|still|already|again|i|we|alright|right|great|thanks|cool|fine|anyway|today|tomorrow"),
        QuestionWords = Set("what|where|why|who|whom|whose|how|which"),
        QuestionAuxiliaries = Set("did|do|does|is|are|was|were|can|could|should|would|will|shall|has|have|had|didn't|don't|doesn't|isn't|aren't|won't"),
        Pronouns = Set("i|you|we|they|he|she|it|anyone|someone|somebody|anybody|the|our|my|your|their"),
        QuestionParticles = Set(""),
        Abbreviations = Set("inc|corp|ltd|co|mr|mrs|ms|dr|st|vs|approx|no|jr|sr"),
        NegationsBefore = Set("never|not"),
        NegationsAfter = Set("not|never"),
        NotPromises = Phrases("be on vacation|be on holiday|be on leave|be off|be away|be out|be sick|be ooo|" +
                              "be late|was going to|were going to|take a day off|take the day off"),

        AccountPrepositions = Phrases("to|for|with|at|from|the client|client|customer|our client"),
        NotNames = Set("i|i'll|i'm|i've|i'd|ok|okay|hi|hey|hello|thanks|thank|please|yes|no|sure|also|btw|fyi|mr|ms|mrs|dr|" +
                       "eod|eob|cob|eow|eom|asap|po|pos|nda|sow|qbr|rfp|rfq|sla|kpi|roi|ceo|cfo|cto|coo|cmo|vp|pdf|crm|erp|api|" +
                       "msa|poc|pr|hr|it|ui|ux|q1|q2|q3|q4|am|pm|utc|zoom|teams|slack|excel|powerpoint|word|outlook|the|we|they"),
        LegalForms = Set("corp|corporation|inc|ltd|llc|gmbh|plc|co|ag|group|holdings"),
        StemTrailing = "",
        NameEndings = Set("'s|'"),

        EdgeWords = Set("by|on|at|to|until|till|before|in|for|and|or|then|with|of|that|due|within|around|about"),
    };

    private static (string, IntentMarker) M(string phrase, MarkerTraits traits = MarkerTraits.None) => (phrase, new IntentMarker(phrase, traits));
}
