using System.Text;
using AccountCoachBot.Channels.Slack;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Channels.Slack;

public class SlackSignatureVerifierTests
{
    // Slack's published example (docs "Verifying requests from Slack"; also in python-slack-sdk's and bolt's tests).
    internal const string VectorSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    internal const string VectorTimestamp = "1531420618";
    internal const string VectorBody =
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar" +
        "&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=" +
        "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN" +
        "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    internal const string VectorSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static readonly DateTimeOffset VectorTime = DateTimeOffset.FromUnixTimeSeconds(1531420618);

    private static SlackSignatureVerifier At(DateTimeOffset now) => new(new FakeTimeProvider(now));

    private static byte[] Bytes(string s) => Encoding.UTF8.GetBytes(s);

    [Fact]
    public void Verify_ReturnsValid_ForSlacksPublishedTestVector()
    {
        var result = At(VectorTime).Verify(VectorSecret, VectorTimestamp, VectorSignature, Bytes(VectorBody));
        Assert.Equal(SlackSignatureResult.Valid, result);
    }

    [Fact]
    public void Verify_ChecksAgainstTheSecretItIsGiven_WhenTheSecretChangesBetweenRequests()
    {
        // The key's bytes are kept between requests; a rotated secret must not be checked against the old key.
        var verifier = At(VectorTime);
        var body = Bytes(VectorBody);

        Assert.Equal(SlackSignatureResult.Valid, verifier.Verify(VectorSecret, VectorTimestamp, VectorSignature, body));
        Assert.Equal(SlackSignatureResult.SignatureMismatch, verifier.Verify("rotated-signing-secret", VectorTimestamp, VectorSignature, body));
        var rotated = SlackSignatureVerifier.Sign("rotated-signing-secret", VectorTimestamp, body);
        Assert.Equal(SlackSignatureResult.Valid, verifier.Verify("rotated-signing-secret", VectorTimestamp, rotated, body));
        Assert.Equal(SlackSignatureResult.Valid, verifier.Verify(new string(VectorSecret.AsSpan()), VectorTimestamp, VectorSignature, body));
    }

    [Fact]
    public void Sign_ReproducesSlacksPublishedSignature_ForTestVector()
    {
        Assert.Equal(VectorSignature, SlackSignatureVerifier.Sign(VectorSecret, VectorTimestamp, Bytes(VectorBody)));
    }

    [Theory]
    [InlineData("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobaz")]
    [InlineData("")]
    public void Verify_ReturnsMismatch_WhenBodyTampered(string prefixReplacement)
    {
        var tampered = prefixReplacement + VectorBody[prefixReplacement.Length..] + (prefixReplacement.Length == 0 ? " " : "");
        Assert.NotEqual(VectorBody, tampered);
        var result = At(VectorTime).Verify(VectorSecret, VectorTimestamp, VectorSignature, Bytes(tampered));
        Assert.Equal(SlackSignatureResult.SignatureMismatch, result);
    }

    [Fact]
    public void Verify_ReturnsMismatch_WhenSecretWrong()
    {
        var result = At(VectorTime).Verify("8f742231b10e8888abcd99yyyzzz85a6", VectorTimestamp, VectorSignature, Bytes(VectorBody));
        Assert.Equal(SlackSignatureResult.SignatureMismatch, result);
    }

    [Fact]
    public void Verify_ReturnsMismatch_WhenTimestampHeaderDiffersFromSignedOne()
    {
        // 1531420619 is inside the window but the signature covers 1531420618.
        var result = At(VectorTime).Verify(VectorSecret, "1531420619", VectorSignature, Bytes(VectorBody));
        Assert.Equal(SlackSignatureResult.SignatureMismatch, result);
    }

    [Fact]
    public void Verify_ChecksRawBytes_WhenBodyIsReformattedJson()
    {
        const string raw = "{\"type\":\"event_callback\",\"event\":{\"text\":\"Привет, коуч\"}}";
        const string reformatted = "{ \"type\": \"event_callback\", \"event\": { \"text\": \"Привет, коуч\" } }";
        var signature = SlackSignatureVerifier.Sign("s3cret", VectorTimestamp, Bytes(raw));
        var verifier = At(VectorTime);
        Assert.Equal(SlackSignatureResult.Valid, verifier.Verify("s3cret", VectorTimestamp, signature, Bytes(raw)));
        Assert.Equal(SlackSignatureResult.SignatureMismatch, verifier.Verify("s3cret", VectorTimestamp, signature, Bytes(reformatted)));
    }

    [Theory]
    [InlineData(-300, SlackSignatureResult.Valid)]                 // exactly 5:00 old
    [InlineData(-301, SlackSignatureResult.TimestampOutOfWindow)]  // 5:01 old
    [InlineData(300, SlackSignatureResult.Valid)]                  // exactly 5:00 ahead
    [InlineData(301, SlackSignatureResult.TimestampOutOfWindow)]   // 5:01 ahead (bolt-js would accept this)
    [InlineData(-86_400, SlackSignatureResult.TimestampOutOfWindow)]
    [InlineData(86_400, SlackSignatureResult.TimestampOutOfWindow)]
    [InlineData(0, SlackSignatureResult.Valid)]
    public void Verify_EnforcesFiveMinuteWindowBothWays_WhenTimestampOffsetFromNow(int offsetSeconds, SlackSignatureResult expected)
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_767_258_000);
        var timestamp = (1_767_258_000L + offsetSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var body = Bytes("payload=%7B%22type%22%3A%22block_actions%22%7D");
        var signature = SlackSignatureVerifier.Sign("secret", timestamp, body);

        Assert.Equal(expected, At(now).Verify("secret", timestamp, signature, body));
    }

    [Fact]
    public void Verify_UsesWholeSeconds_WhenClockHasMilliseconds()
    {
        // now = ts + 300.999 s: floor(now) - ts = 300 → still inside (bolt floors the same way).
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_767_258_300_999));
        var body = Bytes("x=1");
        var signature = SlackSignatureVerifier.Sign("secret", "1767258000", body);
        var verifier = new SlackSignatureVerifier(time);
        Assert.Equal(SlackSignatureResult.Valid, verifier.Verify("secret", "1767258000", signature, body));

        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(SlackSignatureResult.TimestampOutOfWindow, verifier.Verify("secret", "1767258000", signature, body));
    }

    [Theory]
    [InlineData(null, VectorSignature)]
    [InlineData("", VectorSignature)]
    [InlineData(VectorTimestamp, null)]
    [InlineData(VectorTimestamp, "")]
    [InlineData(null, null)]
    public void Verify_ReturnsMissingHeaders_WhenAHeaderIsAbsent(string? timestamp, string? signature)
    {
        Assert.Equal(SlackSignatureResult.MissingHeaders, At(VectorTime).Verify(VectorSecret, timestamp, signature, Bytes(VectorBody)));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1531420618")]
    [InlineData("+1531420618")]
    [InlineData("1531420618.5")]
    [InlineData("1.531420618e9")]
    [InlineData(" 1531420618")]
    [InlineData("1531420618 ")]
    [InlineData("1531420618000000000")]
    [InlineData("１５３１４２０６１８")] // full-width digits
    public void Verify_ReturnsBadTimestampFormat_WhenTimestampIsNotPlainDigits(string timestamp)
    {
        Assert.Equal(SlackSignatureResult.BadTimestampFormat, At(VectorTime).Verify(VectorSecret, timestamp, VectorSignature, Bytes(VectorBody)));
    }

    [Theory]
    [InlineData("a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]      // no version
    [InlineData("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]   // unknown version
    [InlineData("v0=A2114D57B48EAC39B9AD189DD8316235A7B4A8D21A10BD27519666489C69B503")]   // uppercase hex (bolt refuses too)
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b50")]    // 63 digits
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b5033")]  // 65 digits
    [InlineData("v0=z2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]   // not hex
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503,v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("V0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    public void Verify_ReturnsBadSignatureFormat_WhenSignatureIsNotV0LowercaseHex(string signature)
    {
        Assert.Equal(SlackSignatureResult.BadSignatureFormat, At(VectorTime).Verify(VectorSecret, VectorTimestamp, signature, Bytes(VectorBody)));
    }

    [Fact]
    public void Verify_ChecksWindowBeforeSignature_WhenBothAreWrong()
    {
        // Same order as bolt: a stale request is refused as stale whatever its signature.
        var result = At(VectorTime.AddMinutes(10)).Verify(VectorSecret, VectorTimestamp, "v0=" + new string('0', 64), Bytes(VectorBody));
        Assert.Equal(SlackSignatureResult.TimestampOutOfWindow, result);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void Verify_Throws_WhenSigningSecretNotConfigured(string? secret)
    {
        Assert.Throws<ArgumentException>(() => At(VectorTime).Verify(secret!, VectorTimestamp, VectorSignature, Bytes(VectorBody)));
    }
}
