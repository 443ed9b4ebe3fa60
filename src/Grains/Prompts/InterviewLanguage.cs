namespace SyncHire.Grains.Prompts;

/// <summary>
/// The language the interviewer speaks, as the prompt names it. Integrators send either a language name
/// ("Spanish") or an ISO-639-1 code ("es"); the process runs with invariant globalization, so the common codes
/// are named here rather than through CultureInfo.
/// </summary>
public static class InterviewLanguage
{
    public const string Default = "English";

    private const int MaxNameLength = 40;

    private static readonly Dictionary<string, string> NamesByCode = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "English", ["es"] = "Spanish", ["fr"] = "French", ["de"] = "German", ["it"] = "Italian",
        ["pt"] = "Portuguese", ["nl"] = "Dutch", ["sv"] = "Swedish", ["da"] = "Danish", ["no"] = "Norwegian",
        ["fi"] = "Finnish", ["pl"] = "Polish", ["cs"] = "Czech", ["ro"] = "Romanian", ["tr"] = "Turkish",
        ["ru"] = "Russian", ["uk"] = "Ukrainian", ["el"] = "Greek", ["ar"] = "Arabic", ["he"] = "Hebrew",
        ["hi"] = "Hindi", ["bn"] = "Bengali", ["ta"] = "Tamil", ["ur"] = "Urdu", ["zh"] = "Chinese",
        ["ja"] = "Japanese", ["ko"] = "Korean", ["vi"] = "Vietnamese", ["th"] = "Thai", ["id"] = "Indonesian",
        ["ms"] = "Malay",
    };

    /// <summary>"es", "es-MX" and "Spanish" all give "Spanish"; null or blank gives English.</summary>
    public static string NameOf(string? language)
    {
        var text = PromptText.OneLine(language, MaxNameLength);
        if (text.Length == 0)
        {
            return Default;
        }

        var primary = text.Split('-', '_')[0];
        return NamesByCode.TryGetValue(primary, out var name) ? name : text;
    }
}
