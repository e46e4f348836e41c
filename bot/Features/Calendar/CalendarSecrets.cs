using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace AccountCoachBot.Features.Calendar;

/// <summary>
/// A feed address is a password in disguise: whoever has it reads the calendar. It is stored encrypted (ASP.NET
/// Core Data Protection, keys under <see cref="CalendarOptions.KeysDirectory"/>), shown as its host only, and never logged.
/// </summary>
public sealed class CalendarSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("AccountCoachBot.Calendar.FeedAddress.v1");

    public string Protect(Uri address) => _protector.Protect(address.AbsoluteUri);

    /// <summary>Null when it can't be decrypted (the keys were lost): the person is asked for the address again.</summary>
    public Uri? Unprotect(string protectedAddress)
    {
        try
        {
            return Uri.TryCreate(_protector.Unprotect(protectedAddress), UriKind.Absolute, out var uri) ? uri : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>What may be shown: `calendar.google.com/…`.</summary>
    public static string Shown(Uri address) => address.IdnHost + "/…";
}
