using AccountCoachBot.Features.People;

namespace AccountCoachBot.Features.Promises.Parsing;

/// <summary>What a due phrase means; the engine turns it into a date using the clock and working hours.</summary>
internal enum DueKind
{
    /// <summary>today / tomorrow / day after tomorrow: Value days from today.</summary>
    RelativeDay,

    /// <summary>"Friday": its next occurrence, today while the due time is still ahead.</summary>
    Weekday,

    /// <summary>"next Friday": that weekday in the next week (weeks start on Monday for a Mon–Fri week).</summary>
    NextWeekday,

    /// <summary>"in N units": the captured count (or Value) of the captured unit (or Unit) from now.</summary>
    Offset,

    /// <summary>"the 10th": this month if not passed, else the next month that has the day.</summary>
    DayOfMonth,

    /// <summary>"Dec 15", "15.12", "2026-12-15": next occurrence unless a year is given.</summary>
    Date,

    /// <summary>End of this (Value 0) or next (Value 1) week: its last working day.</summary>
    EndOfWeek,

    /// <summary>"next week": the first working day of next week.</summary>
    NextWeek,

    /// <summary>End of this (Value 0) or next (Value 1) month: its last calendar day.</summary>
    EndOfMonth,

    /// <summary>"morning", "afternoon": Value minutes after midnight.</summary>
    TimeOfDay,

    /// <summary>"EOD", «до конца дня»: the end of the working day.</summary>
    EndOfDay,

    /// <summary>"at 3pm", «в 9»: a clock time read by the {clock} or {hour} slot.</summary>
    Clock,
}

internal enum DueUnit
{
    None,
    Minute,
    Hour,
    Day,
    WorkDay,
    Week,
    Month,
}

/// <summary>
/// One due phrase. Pattern is space-separated elements: a word, alternatives "a|b", a slot "{wd}", each
/// optionally followed by "?". Slots: {wd} weekday, {month}, {n} count, {unit}, {dom} day of month,
/// {ord} ordinal day ("10th", «10-го»), {year}, {numdate} ("15.12", "2026-12-15"), {clock} a clock time that
/// stands alone ("3pm", "15:00"), {hour} any clock time incl. a bare number (only after a word like "at"/«в»).
/// </summary>
internal sealed record DueRule(string Pattern, DueKind Kind, int Value = 0, DueUnit Unit = DueUnit.None);

[Flags]
internal enum MarkerTraits
{
    None = 0,

    /// <summary>The marker has no subject of its own ("will", «обещал»): only what precedes it tells whose promise it is.</summary>
    SubjectCheck = 1,

    /// <summary>Weak intent ("need to", «надо»): a promise only together with a due date.</summary>
    NeedsDue = 2,

    /// <summary>A set phrase that contains a marker but commits to nothing ("will do", "we'll see"); it hides the marker inside it.</summary>
    NoCommitment = 4,
}

/// <summary>
/// A phrase that shows the writer commits to something. A Russian first-person verb («пришлю») is both the
/// intent and the action, so it carries the infinitive that starts the action («прислать»).
/// </summary>
internal sealed record IntentMarker(string Phrase, MarkerTraits Traits = MarkerTraits.None, string? Infinitive = null)
{
    public bool IsFirstPerson => !Traits.HasFlag(MarkerTraits.SubjectCheck);
}

/// <summary>
/// The word tables of one language. The engine (DueParser, IntentDetector, AccountFinder, ActionExtractor)
/// is the same for every language and reads only these tables.
/// </summary>
internal sealed class LanguageRules
{
    public required Language Language { get; init; }

    // ---- dates and times ----
    public required PhraseTable<DayOfWeek> Weekdays { get; init; }
    public required PhraseTable<int> Months { get; init; }
    public required PhraseTable<int> Numbers { get; init; }
    public required PhraseTable<DueUnit> Units { get; init; }

    /// <summary>Endings that make a number an ordinal day: "10th", «10-го».</summary>
    public required IReadOnlyList<string> OrdinalSuffixes { get; init; }

    public required IReadOnlySet<string> AmWords { get; init; }
    public required IReadOnlySet<string> PmWords { get; init; }

    /// <summary>"o'clock", «часов»: say the number is a clock hour.</summary>
    public required IReadOnlySet<string> HourWords { get; init; }

    /// <summary>Prepositions that belong to the due phrase that follows them ("by Friday", «до пятницы»).</summary>
    public required PhraseTable<bool> LeadIns { get; init; }

    /// <summary>Words after which a bare "at 3" may still end a clause ("at 3 and ...").</summary>
    public required IReadOnlySet<string> ClockFollowers { get; init; }

    public required IReadOnlyList<DueRule> DueRules { get; init; }

    // ---- intent ----
    public required PhraseTable<IntentMarker> Markers { get; init; }

    /// <summary>Words allowed before a subjectless marker in its clause ("ok, will send", «вчера обещал»); anything else is someone else's subject.</summary>
    public required IReadOnlySet<string> Preface { get; init; }

    public required IReadOnlySet<string> QuestionWords { get; init; }

    /// <summary>Auxiliaries that open a question when a subject follows ("did Acme ...", "can you ...").</summary>
    public required IReadOnlySet<string> QuestionAuxiliaries { get; init; }

    public required IReadOnlySet<string> Pronouns { get; init; }

    /// <summary>Words that make a question anywhere in the text («ли»).</summary>
    public required IReadOnlySet<string> QuestionParticles { get; init; }

    /// <summary>Words whose trailing dot does not end a sentence ("Inc.", «г.»).</summary>
    public required IReadOnlySet<string> Abbreviations { get; init; }

    public required IReadOnlySet<string> NegationsBefore { get; init; }
    public required IReadOnlySet<string> NegationsAfter { get; init; }

    /// <summary>Phrases that look like commitments but are not deliverables ("I'll be on vacation").</summary>
    public required PhraseTable<bool> NotPromises { get; init; }

    // ---- accounts ----
    /// <summary>Words after which a capitalized name is most likely the client ("for Acme", «для Ромашки»).</summary>
    public required PhraseTable<bool> AccountPrepositions { get; init; }

    /// <summary>Capitalized words that are never a company name (pronouns, greetings, document acronyms).</summary>
    public required IReadOnlySet<string> NotNames { get; init; }

    /// <summary>Legal forms that may follow a name ("Acme Corp") and go with it.</summary>
    public required IReadOnlySet<string> LegalForms { get; init; }

    /// <summary>Last letters dropped to get a name's stem («Ромашк-а»).</summary>
    public required string StemTrailing { get; init; }

    /// <summary>Case endings a name may take after its stem («Ромашк-е», «Газпром-у», "Acme's").</summary>
    public required IReadOnlySet<string> NameEndings { get; init; }

    // ---- action ----
    /// <summary>Prepositions and glue words trimmed from the edges of an action ("by", «до»).</summary>
    public required IReadOnlySet<string> EdgeWords { get; init; }

    public static LanguageRules For(Language language) => language == Language.Ru ? RussianRules.Instance : EnglishRules.Instance;

    // Table-building helpers so the language files read as lists of words.
    internal static IEnumerable<KeyValuePair<string, T>> Forms<T>(T value, string forms) =>
        forms.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(f => KeyValuePair.Create(f, value));

    internal static IReadOnlySet<string> Set(string words) =>
        words.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Tokenizer.Normalize).ToHashSet();

    internal static PhraseTable<bool> Phrases(string phrases) => new(Forms(true, phrases));
}
