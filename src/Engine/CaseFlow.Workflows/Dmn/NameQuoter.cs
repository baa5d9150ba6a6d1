using System.Text;

namespace CaseFlow.Workflows.Dmn;

/// <summary>
/// DMN names may hold characters and words that FEEL alone would read as operators (<c>Date-Time</c>,
/// <c>values in a list</c>); the spec resolves them against the names the model declares. The FEEL
/// parser knows no model, so before parsing, occurrences of such declared names are wrapped in
/// backticks, which the FEEL lexer reads as one name.
/// </summary>
internal sealed class NameQuoter
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "and", "or", "if", "then", "else", "for", "in", "return", "some", "every", "satisfies",
        "between", "function", "true", "false", "null", "instance", "of", "not",
    };

    private readonly string[] _names;

    public NameQuoter(IEnumerable<string> declared)
    {
        // Longest first, so "Date-Time" wins over a shorter name it starts with.
        _names = declared.Where(NeedsQuotes).Distinct().OrderByDescending(n => n.Length).ToArray();
    }

    public bool IsEmpty => _names.Length == 0;

    public static bool NeedsQuotes(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Contains('`')) return false;
        if (char.IsDigit(name[0])) return false;
        if (name.Any(c => !(char.IsLetterOrDigit(c) || c is '_' or ' ' or '?'))) return true;
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // A later word starting with a digit ("Extra days case 1") would lex as a number.
        return words.Length > 1 && words.Any(w => Reserved.Contains(w) || char.IsDigit(w[0]));
    }

    public string Quote(string text)
    {
        if (_names.Length == 0) return text;
        StringBuilder? sb = null;
        var copied = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '`')
            {
                i = SkipQuoted(text, i, c);
                continue;
            }
            if (c == '/' && i + 1 < text.Length && text[i + 1] is '/' or '*')
            {
                i = text[i + 1] == '/' ? (text.IndexOf('\n', i) is var n and >= 0 ? n : text.Length) : (text.IndexOf("*/", i + 2, StringComparison.Ordinal) is var m and >= 0 ? m + 1 : text.Length);
                continue;
            }
            if (i > 0 && IsNameChar(text[i - 1])) continue;
            foreach (var name in _names)
            {
                if (string.CompareOrdinal(text, i, name, 0, name.Length) != 0) continue;
                var end = i + name.Length;
                if (end < text.Length && IsNameChar(text[end]) && IsNameChar(name[^1])) continue;
                sb ??= new StringBuilder(text.Length + 8);
                sb.Append(text, copied, i - copied).Append('`').Append(name).Append('`');
                copied = end;
                i = end - 1;
                break;
            }
        }
        return sb is null ? text : sb.Append(text, copied, text.Length - copied).ToString();
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '?';

    private static int SkipQuoted(string text, int start, char quote)
    {
        for (var j = start + 1; j < text.Length; j++)
        {
            if (text[j] == '\\' && quote == '"') { j++; continue; }
            if (text[j] == quote) return j;
        }
        return text.Length;
    }
}
