using AccountCoachBot.Conversation;
using AccountCoachBot.Features.Coaching;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Promises;

namespace AccountCoachBot.Features.MeetingPrep;

/// <summary>The cards meetings are shown with: saved, list, prep nudge, checklist (form or step), brief, debrief.</summary>
internal static class MeetingCards
{
    /// <summary>A nudge shows at most this many open promises; the brief and the checklist show more.</summary>
    private const int NudgePromises = 3;

    private static Dictionary<string, string> Id(Meeting m) => new() { [MeetingActions.IdKey] = m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    private static Dictionary<string, string> Principle(string id) => new() { [MeetingActions.PrincipleKey] = id };

    public static string Name(Meeting m) => m.Account?.Name ?? "";

    /// <summary>"Tue 10 Mar, 15:00", or "no time set" for an ad-hoc meeting.</summary>
    public static string When(Meeting m, Person person) =>
        m.StartUtc is { } start ? Formats.When(start, person.Zone, person.Language) : MeetingTexts.NoTimeSet[person.Language];

    /// <summary>"Today 15:00", "Tomorrow 15:00", or "Tue 10 Mar, 15:00" in the person's zone.</summary>
    public static string Relative(DateTime startUtc, Person person, DateTime nowUtc)
    {
        var l = person.Language;
        var local = TimeZones.ToLocal(startUtc, person.Zone);
        var today = TimeZones.ToLocal(nowUtc, person.Zone).Date;
        var time = local.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        if (local.Date == today) return MeetingTexts.TodayAt.Format(l, time);
        if (local.Date == today.AddDays(1)) return MeetingTexts.TomorrowAt.Format(l, time);
        return Formats.When(startUtc, person.Zone, l);
    }

    public static string PromiseLine(Promise p, Person person, DateTime nowUtc)
    {
        var l = person.Language;
        var mark = p.DueUtc < nowUtc ? $" — {MeetingTexts.OverdueMark[l]}" : "";
        return $"#{p.Number} {p.What} · {Formats.When(p.DueUtc, person.Zone, l)}{mark}";
    }

    private static string PrincipleLine(Text line, string id, Language l) => $"{line[l]} `{id}`";

    public static string RestsOn(IEnumerable<string> ids, Language l) =>
        MeetingTexts.RestsOn.Format(l, string.Join(", ", ids.Select(id => $"`{id}`")));

    private static Reply WithText(Card card)
    {
        var reply = new Reply("", card);
        return reply with { Text = PlainTextRenderer.Render(reply) };
    }

    // ---- telling the bot about a meeting ----

    public static Reply Saved(Meeting m, Person person, IReadOnlyList<PlannedMeetingNudge> plan)
    {
        var l = person.Language;
        var when = When(m, person);
        var title = MeetingTexts.SavedTitle.Format(l, Name(m), m.Important ? $"{when} ({MeetingTexts.ImportantMark[l]})" : when);
        var prep = plan.Where(p => MeetingPolicy.IsPrep(p.Kind)).Select(p => Formats.When(p.AtUtc, person.Zone, l)).ToList();
        var lines = new List<string>
        {
            prep.Count > 0 ? MeetingTexts.PrepPlanned.Format(l, string.Join(MeetingTexts.And[l], prep)) : MeetingTexts.PrepSoon[l],
        };
        if (plan.FirstOrDefault(p => p.Kind == MeetingPolicy.DebriefKind) is { } debrief)
            lines.Add(MeetingTexts.DebriefPlanned.Format(l, Formats.When(debrief.AtUtc, person.Zone, l)));
        var principle = m.Important ? MeetingPrincipleIds.NeverAlone : MeetingPrincipleIds.Prepare;
        var card = new Card(title, Lines: lines,
            Actions:
            [
                new(MeetingActions.Start, MeetingTexts.PrepareNow[l], Id(m)),
                new(MeetingActions.Cancel, MeetingTexts.CancelMeeting[l], Id(m)),
            ],
            PrincipleIds: [principle],
            Footnote: $"{PrincipleLine(m.Important ? MeetingTexts.NeverAlonePrinciple : MeetingTexts.PreparePrinciple, principle, l)} · #{m.Number}");
        return WithText(card);
    }

    public static Reply List(IReadOnlyList<Meeting> meetings, Person person, IReadOnlyDictionary<int, string>? labels = null)
    {
        var l = person.Language;
        if (meetings.Count == 0) return MeetingTexts.ListEmpty[l];
        var lines = meetings.Select(m =>
        {
            var marks = new List<string>();
            if (m.Important) marks.Add(MeetingTexts.ImportantMark[l]);
            if (m.PreparedUtc is not null) marks.Add(MeetingTexts.PreparedMark[l]);
            if (labels?.GetValueOrDefault(m.Id) is { } label) marks.Add(label);
            return $"#{m.Number} {Name(m)} · {When(m, person)}" + (marks.Count > 0 ? $" · {string.Join(", ", marks)}" : "");
        }).ToList();
        return WithText(new Card(MeetingTexts.ListTitle.Format(l, meetings.Count), Lines: lines, Footnote: MeetingTexts.ListHint[l]));
    }

    // ---- the prep nudge ----

    /// <summary>
    /// The meeting time, one question, what the bot knows (open promises overdue first, last contact, their people),
    /// a "Start checklist" button (or "Brief" once prepared) and one principle line.
    /// </summary>
    public static Reply PrepNudge(Meeting m, AccountFacts facts, Person person, DateTime nowUtc, Checklist checklist)
    {
        var l = person.Language;
        var when = Relative(m.StartUtc!.Value, person, nowUtc);
        var headline = m.Important ? MeetingTexts.HeadlineImportant.Format(l, when, Name(m)) : $"{when} — {Name(m)}.";
        var prepared = m.PreparedUtc is not null;
        var question = prepared
            ? MeetingTexts.BriefReady[l]
            : Question(checklist.Find(m.Important ? ChecklistItemIds.OurAttendees : ChecklistItemIds.OutcomeAndAsk)!, m, l);

        var lines = new List<string> { question };
        if (facts.OpenPromises.Count > 0)
        {
            lines.Add($"{MeetingTexts.OpenWith.Format(l, Name(m))}:");
            lines.AddRange(facts.OpenPromises.Take(NudgePromises).Select(p => PromiseLine(p, person, nowUtc)));
            if (facts.OpenPromises.Count > NudgePromises) lines.Add($"+{facts.OpenPromises.Count - NudgePromises}");
        }
        var facts2 = new List<CardFact>();
        if (facts.LastContactUtc is { } last) facts2.Add(new(MeetingTexts.LastContact[l], Formats.Day(last, person.Zone, l)));
        if (facts.Contacts.Count > 0) facts2.Add(new(MeetingTexts.TheirPeople[l], string.Join("; ", facts.Contacts.Take(3).Select(ContactNotes.Describe))));

        var principle = m.Important ? MeetingPrincipleIds.NeverAlone : MeetingPrincipleIds.Prepare;
        var actions = new List<CardAction>
        {
            prepared
                ? new(MeetingActions.Brief, MeetingTexts.BriefButton[l], Id(m))
                : new(MeetingActions.Start, MeetingTexts.StartChecklist[l], Id(m)),
            new(MeetingActions.Why, MeetingTexts.Why[l], Principle(principle)),
        };
        var card = new Card(headline, Lines: lines, Facts: facts2, Actions: actions, PrincipleIds: [principle],
            Footnote: PrincipleLine(m.Important ? MeetingTexts.NeverAlonePrinciple : MeetingTexts.PreparePrinciple, principle, l));
        return WithText(card);
    }

    public static string Question(ChecklistItem item, Meeting m, Language l) => string.Format(Formats.Culture(l), item.Question.In(l), Name(m));

    // ---- the checklist: one form (Teams) or one question at a time (plain chat) ----

    public static Reply Form(Meeting m, MeetingPhase phase, IReadOnlyList<ChecklistItem> items, AccountFacts? facts, Person person, DateTime nowUtc)
    {
        var l = person.Language;
        var title = (phase == MeetingPhase.Debrief ? MeetingTexts.DebriefFormTitle : MeetingTexts.FormTitle).Format(l, Name(m), When(m, person));
        var lines = new List<string> { MeetingTexts.FormHint[l] };
        if (facts is not null)
        {
            if (facts.OpenPromises.Count > 0)
            {
                lines.Add($"{MeetingTexts.OpenWith.Format(l, Name(m))}:");
                lines.AddRange(facts.OpenPromises.Select(p => PromiseLine(p, person, nowUtc)));
            }
            if (facts.Contacts.Count > 0)
                lines.Add($"{MeetingTexts.TheirPeople[l]}: {string.Join("; ", facts.Contacts.Select(ContactNotes.Describe))}");
        }
        var inputs = items.Select(i => new CardInput(i.Id, InputKind.Text, Question(i, m, l),
            Placeholder: i.Hint?.In(l), Required: false, Multiline: true)).ToList();
        var principles = items.SelectMany(i => i.Principles).Distinct().ToList();
        var card = new Card(title, Lines: lines, Inputs: inputs,
            Actions: [new(phase == MeetingPhase.Debrief ? MeetingActions.DebriefSave : MeetingActions.Save, MeetingTexts.Save[l], Id(m))],
            PrincipleIds: principles, Footnote: RestsOn(principles, l));
        return WithText(card);
    }

    public static Reply Step(Meeting m, ChecklistItem item, int number, int total, IReadOnlyList<string> before, Person person)
    {
        var l = person.Language;
        var example = item.Hint is null ? [] : new[] { MeetingTexts.Example.Format(l, item.Hint.In(l)) };
        var extra = before.Concat(example).ToList();
        var question = Question(item, m, l);
        var card = new Card(question, Lines: [.. extra, MeetingTexts.StepProgress.Format(l, number, total)],
            PrincipleIds: item.Principles, Footnote: RestsOn(item.Principles, l));
        // In plain text: what the last answer did, then the numbered question, an example, the principles.
        var text = string.Join('\n', before.Append($"{number}/{total}. {question}").Concat(example).Append(card.Footnote!));
        return new Reply(text, card);
    }

    // ---- the brief ----

    public static Reply Brief(Meeting m, IReadOnlyList<ChecklistItem> items, IReadOnlyDictionary<string, string> answers, AccountFacts facts,
        BriefFlags flags, Person person, DateTime nowUtc)
    {
        var l = person.Language;
        var when = When(m, person);
        var title = MeetingTexts.BriefTitle.Format(l, Name(m), m.Important ? $"{when} ({MeetingTexts.ImportantMark[l]})" : when);

        var lines = new List<string>();
        var flagged = new List<string>();
        if (flags.GoingAlone) { lines.Add(MeetingTexts.FlagAlone[l]); flagged.Add(MeetingPrincipleIds.NeverAlone); }
        if (flags.NoAsk) { lines.Add(MeetingTexts.FlagNoAsk.Format(l, Name(m))); flagged.Add(MeetingPrincipleIds.Prepare); }
        if (flags.Overdue > 0) { lines.Add(MeetingTexts.FlagOverdue.Format(l, Name(m), flags.Overdue)); flagged.Add(PromiseActions.KeepYourWord); }
        if (facts.OpenPromises.Count > 0)
        {
            lines.Add($"{MeetingTexts.OpenWith.Format(l, Name(m))}:");
            lines.AddRange(facts.OpenPromises.Select(p => PromiseLine(p, person, nowUtc)));
        }

        var facts2 = new List<CardFact>();
        foreach (var item in items.Where(i => answers.ContainsKey(i.Id)))
        {
            var answer = answers[item.Id];
            facts2.Add(new(item.Label.In(l), string.IsNullOrWhiteSpace(answer) ? MeetingTexts.Skipped[l] : OneLine(answer)));
        }
        // People known from earlier meetings and debriefs; those this checklist's answer already describes are not repeated.
        answers.TryGetValue(ChecklistItemIds.ClientAttendees, out var attendees);
        var known = facts.Contacts.Select(ContactNotes.Describe).Where(d => attendees?.Contains(d, StringComparison.OrdinalIgnoreCase) != true).ToList();
        if (known.Count > 0) facts2.Add(new(MeetingTexts.TheirPeople[l], string.Join("; ", known)));
        if (facts.LastContactUtc is { } last) facts2.Add(new(MeetingTexts.LastContact[l], Formats.Day(last, person.Zone, l)));

        var principles = flagged.Concat(items.SelectMany(i => i.Principles)).Distinct().ToList();
        var why = flagged.FirstOrDefault() ?? MeetingPrincipleIds.Prepare;
        var card = new Card(title, Lines: lines, Facts: facts2,
            Actions:
            [
                new(MeetingActions.Start, MeetingTexts.Redo[l], new Dictionary<string, string>(Id(m)) { [MeetingActions.RestartKey] = "yes" }),
                new(MeetingActions.Why, MeetingTexts.Why[l], Principle(why)),
            ],
            PrincipleIds: principles, Footnote: RestsOn(principles, l));
        return WithText(card);
    }

    private static string OneLine(string answer)
    {
        var one = string.Join("; ", answer.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return one.Length > 300 ? one[..299] + "…" : one;
    }

    // ---- the debrief ----

    public static Reply DebriefNudge(Meeting m, Person person)
    {
        var l = person.Language;
        var id = MeetingPrincipleIds.ItStartsAndEndsWithYou;
        var card = new Card(MeetingTexts.DebriefHeadline.Format(l, Name(m), When(m, person)), Lines: [MeetingTexts.DebriefAsk[l]],
            Actions: [new(MeetingActions.Debrief, MeetingTexts.DebriefButton[l], Id(m)), new(MeetingActions.Why, MeetingTexts.Why[l], Principle(id))],
            PrincipleIds: [id], Footnote: PrincipleLine(MeetingTexts.DebriefPrinciple, id, l));
        return WithText(card);
    }

    public static Reply DebriefSaved(Meeting m, IReadOnlyList<Promise> tracked, IReadOnlyList<string> notes, Person person, DateTime nowUtc)
    {
        var l = person.Language;
        var lines = new List<string>();
        if (tracked.Count > 0)
        {
            lines.Add(MeetingTexts.Tracked[l]);
            lines.AddRange(tracked.Select(p => PromiseLine(p, person, nowUtc)));
        }
        lines.AddRange(notes);
        var id = MeetingPrincipleIds.ItStartsAndEndsWithYou;
        var card = new Card(MeetingTexts.DebriefSavedTitle.Format(l, Name(m)), Lines: lines, PrincipleIds: [id],
            Footnote: PrincipleLine(MeetingTexts.DebriefPrinciple, id, l));
        if (tracked.Count == 0) return WithText(card);
        // What was promised, as a follow-up the manager sends the client today.
        var note = new CardNote(MeetingTexts.FollowUpTitle[l], Promises.Notes.ClientNotes.FollowUp(Promises.Notes.NoteAuthor.Of(person, nowUtc), tracked));
        return WithText(card with { Note = note });
    }

    /// <summary>What a debrief answer did: promises now tracked, lines without a date, people noted.</summary>
    public static IReadOnlyList<string> Outcome(Meeting m, IReadOnlyList<Promise> created, IReadOnlyList<PromiseLine> undated, IReadOnlyList<string> people, Person person, DateTime nowUtc)
    {
        var l = person.Language;
        var lines = new List<string>();
        if (created.Count > 0)
        {
            lines.Add(MeetingTexts.Tracked[l]);
            lines.AddRange(created.Select(p => PromiseLine(p, person, nowUtc)));
        }
        lines.AddRange(undated.Select(u => MeetingTexts.NoDate.Format(l, u.What, Name(m))));
        if (people.Count > 0) lines.Add(MeetingTexts.PeopleUpdated.Format(l, string.Join(", ", people)));
        return lines;
    }
}
