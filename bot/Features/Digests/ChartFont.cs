namespace AccountCoachBot.Features.Digests;

/// <summary>
/// The one font the chart draws with, shipped in <c>Assets/Fonts</c> beside the app: containers have no system fonts,
/// and without one SkiaSharp draws no text at all (Cyrillic least of all).
/// </summary>
internal static class ChartFont
{
    public const string Name = "DejaVu Sans";

    public static string FilePath => Path.Combine(AppContext.BaseDirectory, "Assets", "Fonts", "DejaVuSans.ttf");

    // ScottPlot's font list is process-wide: register once, and retry on the next chart if the file was missing.
    private static readonly object Gate = new();
    private static bool _registered;

    /// <summary>Registers the shipped font with ScottPlot; throws <see cref="FileNotFoundException"/> when it is missing.</summary>
    public static string Ensure()
    {
        lock (Gate)
        {
            if (_registered) return Name;
            var path = FilePath;
            if (!File.Exists(path)) throw new FileNotFoundException($"The chart font is missing from the app's output ({path}).", path);
            ScottPlot.Fonts.AddFontFile(Name, path);
            _registered = true;
            return Name;
        }
    }
}
