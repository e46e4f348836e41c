using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AccountCoachBot.Channels.Slack;

/// <summary>Why a Slack request was accepted or refused (answer 401 to anything but <see cref="Valid"/>).</summary>
public enum SlackSignatureResult
{
    Valid = 0,

    /// <summary><c>X-Slack-Request-Timestamp</c> or <c>X-Slack-Signature</c> is absent or empty.</summary>
    MissingHeaders = 1,

    /// <summary>The timestamp is not Unix seconds written as plain ASCII digits.</summary>
    BadTimestampFormat = 2,

    /// <summary>The timestamp is more than five minutes before or after now (a replay, or a skewed clock).</summary>
    TimestampOutOfWindow = 3,

    /// <summary>The signature is not <c>v0=</c> followed by 64 lowercase hex digits.</summary>
    BadSignatureFormat = 4,

    /// <summary>Well formed, but not the HMAC of this body with this secret.</summary>
    SignatureMismatch = 5,
}

/// <summary>
/// Checks Slack's request signature (<c>v0</c>): HMAC-SHA256, keyed with the app's signing secret, over
/// <c>v0:{X-Slack-Request-Timestamp}:{raw body}</c>, sent as <c>X-Slack-Signature: v0=&lt;hex&gt;</c>.
/// </summary>
/// <remarks>
/// <para>The body must be the bytes exactly as received, before form or JSON parsing.</para>
/// <para>Replay window: <c>|now - timestamp| &lt;= 300 s</c>, in both directions (as python-slack-sdk does).
/// bolt-js only refuses stale timestamps and accepts any future one; we refuse those too, so a captured
/// request cannot be prepared for later use against a server whose clock is behind.</para>
/// </remarks>
public sealed class SlackSignatureVerifier(TimeProvider time)
{
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public const string SignatureHeader = "X-Slack-Signature";

    /// <summary>How far the request timestamp may be from now, either way.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    private const string VersionPrefix = "v0=";
    private const int HexLength = 64;
    private SecretKey? _key;

    /// <summary>Verifies one request. Throws only when <paramref name="signingSecret"/> is empty (a configuration error).</summary>
    public SlackSignatureResult Verify(string signingSecret, string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> rawBody)
    {
        if (string.IsNullOrEmpty(signingSecret))
            throw new ArgumentException("The Slack signing secret is not configured.", nameof(signingSecret));
        if (string.IsNullOrEmpty(timestampHeader) || string.IsNullOrEmpty(signatureHeader))
            return SlackSignatureResult.MissingHeaders;

        // Digits only: no sign, spaces, exponent or fraction. 15 digits is far beyond any real date
        // and keeps the value well inside a long.
        if (timestampHeader.Length > 15 || !long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
            return SlackSignatureResult.BadTimestampFormat;

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs(now - timestamp) > (long)MaxClockSkew.TotalSeconds)
            return SlackSignatureResult.TimestampOutOfWindow;

        Span<byte> presented = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (!TryDecodeSignature(signatureHeader, presented))
            return SlackSignatureResult.BadSignatureFormat;

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Hash(KeyOf(signingSecret), timestampHeader, rawBody, expected);
        return CryptographicOperations.FixedTimeEquals(expected, presented)
            ? SlackSignatureResult.Valid
            : SlackSignatureResult.SignatureMismatch;
    }

    /// <summary>Computes the header value Slack would send (for tests and local tools).</summary>
    public static string Sign(string signingSecret, string timestamp, ReadOnlySpan<byte> rawBody)
    {
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Hash(Encoding.UTF8.GetBytes(signingSecret), timestamp, rawBody, hash);
        return VersionPrefix + Convert.ToHexStringLower(hash);
    }

    /// <summary>
    /// HMAC-SHA256 of <c>v0:{timestamp}:{body}</c>, in one call over one buffer: per request, an incremental hash (its
    /// native context and wrappers) and the signed prefix as a string were a share of a Slack ack's allocations.
    /// The header text is signed as sent (not re-formatted from the parsed number).
    /// </summary>
    private static void Hash(byte[] key, string timestamp, ReadOnlySpan<byte> rawBody, Span<byte> destination)
    {
        var length = 4 + Encoding.UTF8.GetByteCount(timestamp) + rawBody.Length;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var signed = rented.AsSpan(0, length);
            "v0:"u8.CopyTo(signed);
            var written = 3 + Encoding.UTF8.GetBytes(timestamp, signed[3..]);
            signed[written++] = (byte)':';
            rawBody.CopyTo(signed[written..]);
            HMACSHA256.HashData(key, signed, destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented, clearArray: true); // it held the request's body
        }
    }

    /// <summary>The secret's bytes, kept while the secret stays the same (it is read from options per request).</summary>
    private byte[] KeyOf(string signingSecret)
    {
        var cached = _key;
        if (cached is not null && ReferenceEquals(cached.Secret, signingSecret)) return cached.Bytes;
        _key = cached = new SecretKey(signingSecret, Encoding.UTF8.GetBytes(signingSecret));
        return cached.Bytes;
    }

    private sealed record SecretKey(string Secret, byte[] Bytes);

    /// <summary><c>v0=</c> + exactly 64 lowercase hex digits (Slack sends lowercase; bolt refuses uppercase too).</summary>
    private static bool TryDecodeSignature(string header, Span<byte> digest)
    {
        if (header.Length != VersionPrefix.Length + HexLength || !header.StartsWith(VersionPrefix, StringComparison.Ordinal))
            return false;
        var hex = header.AsSpan(VersionPrefix.Length);
        foreach (var c in hex)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f'))) return false;
        }
        return Convert.FromHexString(hex, digest, out _, out _) == OperationStatus.Done;
    }
}
