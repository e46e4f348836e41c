using AccountCoachBot.Channels.Slack;

namespace AccountCoachBot.Tests.Channels.Slack;

/// <summary>A slash command's form read as Slack's own parsers read it: field by field on the ack, whole for the turn.</summary>
public sealed class SlackFormTests
{
    private const string Form = "token=legacy&team_id=T01&user_id=U123&command=%2Fcoach"
        + "&text=%D0%BE%D0%B1%D0%B5%D1%89%D0%B0%D0%BD%D0%B8%D0%B5+Acme%3A+%D0%BA%D0%BF&trigger_id=13345.7384&empty=&bare";

    [Theory]
    [InlineData("user_id", "U123")]
    [InlineData("command", "/coach")]
    [InlineData("text", "обещание Acme: кп")]
    [InlineData("trigger_id", "13345.7384")]
    [InlineData("empty", "")]
    [InlineData("bare", "")]
    [InlineData("channel_id", null)]
    [InlineData("user", null)]
    public void Field_DecodesTheValue_OrIsNullWhenTheFormHasNoSuchField(string name, string? expected) =>
        Assert.Equal(expected, SlackForm.Field(Form, name));

    [Fact]
    public void Field_JoinsRepeatedFields_MatchesAnEncodedName_AndSkipsALeadingQuestionMark_AsParseQueryDoes()
    {
        Assert.Equal("a,b c", SlackForm.Field("x=1&trigger_id=a&trigger%5Fid=b+c", "trigger_id"));
        Assert.Equal("a,b c", SlackForm.ToJson("x=1&trigger_id=a&trigger%5Fid=b+c")["trigger_id"]!.GetValue<string>());
        Assert.Equal("U1", SlackForm.Field("?user_id=U1&x=2", "user_id")); // a leading '?' is no part of the first name
        Assert.Equal("U1", SlackForm.ToJson("?user_id=U1&x=2")["user_id"]!.GetValue<string>());
    }

    [Fact]
    public void ToJson_GivesEveryFieldAsAString()
    {
        var json = SlackForm.ToJson(Form);

        Assert.Equal("обещание Acme: кп", json["text"]!.GetValue<string>());
        Assert.Equal("U123", json["user_id"]!.GetValue<string>());
        Assert.Equal(8, json.Count);
        Assert.Equal("", json["bare"]!.GetValue<string>()); // a field without "=" is there, empty, as for Field
    }

    [Theory]
    [InlineData("token=a&user_id=U1", true)]
    [InlineData("{\"user_id\":\"U1\"}", false)] // recorded before commands were kept as their form
    public void IsForm_TellsTheFormFromJson(string payload, bool expected) => Assert.Equal(expected, SlackForm.IsForm(payload));
}
