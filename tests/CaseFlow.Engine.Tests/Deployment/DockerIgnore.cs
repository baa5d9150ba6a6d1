using System.Text.RegularExpressions;

namespace CaseFlow.Engine.Tests.Deployment;

/// <summary>
/// .dockerignore rules: Go filepath.Match patterns plus "**", relative to the context root,
/// later rules winning, "!" re-including. A path is excluded when it or one of its parent
/// folders matches.
/// </summary>
internal sealed class DockerIgnore
{
    private readonly List<(Regex Pattern, bool Exclude)> _rules = [];

    public DockerIgnore(string text)
    {
        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var exclude = !line.StartsWith('!');
            var pattern = (exclude ? line : line[1..]).Trim().Trim('/');
            if (pattern.StartsWith("./", StringComparison.Ordinal))
                pattern = pattern[2..];
            _rules.Add((new Regex("^" + ToRegex(pattern) + "$"), exclude));
        }
    }

    /// <summary>
    /// As Docker's pattern matcher decides: every rule in order, a rule applying when it matches the path or
    /// one of its parent folders, and the last rule that applies winning (so "!workflows/calendars" after
    /// "workflows" re-includes that folder).
    /// </summary>
    public bool IsExcluded(string relativePath)
    {
        var parts = relativePath.Replace('\\', '/').Trim('/').Split('/');
        var prefixes = Enumerable.Range(1, parts.Length).Select(n => string.Join('/', parts.Take(n))).ToList();
        var excluded = false;
        foreach (var (pattern, exclude) in _rules)
        {
            if (prefixes.Any(pattern.IsMatch))
                excluded = exclude;
        }
        return excluded;
    }

    private static string ToRegex(string pattern)
    {
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                i++;
                if (i + 1 < pattern.Length && pattern[i + 1] == '/')
                {
                    i++;
                    sb.Append("(?:.*/)?"); // "**/" : zero or more folders
                }
                else
                {
                    sb.Append(".*");
                }
            }
            else if (c == '*') sb.Append("[^/]*");
            else if (c == '?') sb.Append("[^/]");
            else sb.Append(Regex.Escape(c.ToString()));
        }
        return sb.ToString();
    }
}
