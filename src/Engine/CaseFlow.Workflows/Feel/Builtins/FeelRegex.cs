using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace CaseFlow.Workflows.Feel;

/// <summary>
/// XPath-style regular expressions (as FEEL's matches, replace and split take them) on .NET's engine.
/// The syntaxes agree on everything business rules use; a timeout bounds patterns that backtrack badly,
/// since patterns may come from process data.
/// </summary>
internal static class FeelRegex
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private const int CacheLimit = 512;
    private static readonly ConcurrentDictionary<(string Pattern, string Flags), Regex> Cache = new();

    /// <summary>Builds (or reuses) the regex; null with a warning for bad flags or a bad pattern.</summary>
    public static Regex? Get(string pattern, string? flags, string function, Env env)
    {
        flags ??= "";
        var key = (pattern, flags);
        if (Cache.TryGetValue(key, out var cached)) return cached;
        var options = RegexOptions.CultureInvariant;
        foreach (var flag in flags)
        {
            switch (flag)
            {
                case 's': options |= RegexOptions.Singleline; break;
                case 'm': options |= RegexOptions.Multiline; break;
                case 'i': options |= RegexOptions.IgnoreCase; break;
                case 'x': options |= RegexOptions.IgnorePatternWhitespace; break;
                case 'q': break;
                default:
                    env.Fail($"Function '{function}': unknown regular expression flag '{flag}'");
                    return null;
            }
        }
        try
        {
            var regex = new Regex(flags.Contains('q') ? Regex.Escape(pattern) : pattern, options, Timeout);
            if (Cache.Count >= CacheLimit) Cache.Clear();
            Cache[key] = regex;
            return regex;
        }
        catch (ArgumentException ex)
        {
            env.Fail($"Function '{function}': invalid regular expression \"{pattern}\": {ex.Message}");
            return null;
        }
    }

    /// <summary>Runs a regex operation, turning a timeout into a FEEL error.</summary>
    public static object? Run(string function, Env env, Func<object?> operation)
    {
        try { return operation(); }
        catch (RegexMatchTimeoutException) { return env.Fail($"Function '{function}': regular expression timed out after {Timeout.TotalSeconds}s"); }
    }

    /// <summary>XPath replacement strings escape with backslash; .NET's use $$ for a literal dollar.</summary>
    public static string Replacement(string xpath) =>
        xpath.Replace("\\\\", "\u0000", StringComparison.Ordinal).Replace("\\$", "$$", StringComparison.Ordinal).Replace("\u0000", "\\", StringComparison.Ordinal);
}
