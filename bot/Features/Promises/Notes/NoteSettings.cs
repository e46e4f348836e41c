using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People;

namespace AccountCoachBot.Features.Promises.Notes;

/// <summary>The `settings` line for the gender Russian notes use.</summary>
public sealed class NoteSettings : ISettingsSection
{
    public int Order => 5;

    public Task<IReadOnlyList<CardFact>> DescribeAsync(Turn turn, CancellationToken ct)
    {
        var value = turn.Person.Gender switch
        {
            GrammaticalGender.Masculine => NoteTexts.Masculine,
            GrammaticalGender.Feminine => NoteTexts.Feminine,
            _ => NoteTexts.NotSet,
        };
        return Task.FromResult<IReadOnlyList<CardFact>>([new CardFact(turn.T(NoteTexts.SettingsGender), turn.T(value))]);
    }
}
