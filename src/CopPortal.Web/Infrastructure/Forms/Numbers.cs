using System.Globalization;

namespace CopPortal.Web.Infrastructure.Forms;

/// <summary>
/// Numbers shown to people, written one way everywhere: digits grouped in thousands with a comma ("2,000"), as the
/// NHS.UK content guide does. Error messages, hints and pages use this rather than their own format strings.
/// </summary>
public static class Numbers
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public static string Format(int value) => value.ToString("N0", British);

    public static string Format(long value) => value.ToString("N0", British);
}
