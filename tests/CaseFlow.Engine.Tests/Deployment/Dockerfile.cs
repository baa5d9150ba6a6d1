using System.Text.RegularExpressions;

namespace CaseFlow.Engine.Tests.Deployment;

/// <summary>A Dockerfile read into instructions: enough structure to check it without Docker.</summary>
internal sealed partial class DockerfileModel
{
    public sealed record Instruction(string Keyword, string Arguments, int Line, int Stage)
    {
        /// <summary>Arguments split on blanks (quotes respected), options like --from=x included.</summary>
        public IReadOnlyList<string> Words => ShellWords.Split(Arguments);

        /// <summary>Arguments without leading --options.</summary>
        public IReadOnlyList<string> Operands => Words.SkipWhile(w => w.StartsWith("--", StringComparison.Ordinal)).ToList();

        public string? Option(string name) =>
            Words.TakeWhile(w => w.StartsWith("--", StringComparison.Ordinal))
                 .Where(w => w.StartsWith($"--{name}=", StringComparison.Ordinal))
                 .Select(w => w[(name.Length + 3)..])
                 .FirstOrDefault();
    }

    public sealed record Stage(int Index, string Image, string? Name);

    public IReadOnlyList<Instruction> Instructions { get; }
    public IReadOnlyList<Stage> Stages { get; }

    private DockerfileModel(IReadOnlyList<Instruction> instructions, IReadOnlyList<Stage> stages)
    {
        Instructions = instructions;
        Stages = stages;
    }

    public IEnumerable<Instruction> InStage(int stage) => Instructions.Where(i => i.Stage == stage);

    public IEnumerable<Instruction> All(string keyword) =>
        Instructions.Where(i => i.Keyword.Equals(keyword, StringComparison.OrdinalIgnoreCase));

    public Stage Final => Stages[^1];

    public static DockerfileModel Parse(string text)
    {
        var instructions = new List<Instruction>();
        var stages = new List<Stage>();
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var stage = -1;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var start = i + 1;
            var logical = line;
            // Line continuations; comment lines inside a continued instruction are dropped (as Docker does).
            while (logical.EndsWith('\\') && i + 1 < lines.Length)
            {
                logical = logical[..^1];
                string next;
                do next = lines[++i].Trim();
                while ((next.Length == 0 || next.StartsWith('#')) && i + 1 < lines.Length);
                if (next.Length > 0 && !next.StartsWith('#'))
                    logical += " " + next;
            }
            var match = InstructionRegex().Match(logical);
            if (!match.Success)
                throw new FormatException($"Dockerfile line {start}: cannot read '{logical}'");
            var keyword = match.Groups[1].Value.ToUpperInvariant();
            var args = Regex.Replace(match.Groups[2].Value.Trim(), @"\s+", " ");
            if (keyword == "FROM")
            {
                stage++;
                var words = ShellWords.Split(args).Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToList();
                var name = words.Count >= 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[2] : null;
                stages.Add(new Stage(stage, words[0], name));
            }
            instructions.Add(new Instruction(keyword, args, start, stage));
        }
        return new DockerfileModel(instructions, stages);
    }

    [GeneratedRegex(@"^([A-Za-z]+)\s+(.*)$")]
    private static partial Regex InstructionRegex();
}

/// <summary>Splits a command line into words the way a POSIX shell would for simple cases.</summary>
internal static class ShellWords
{
    public static IReadOnlyList<string> Split(string text)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        var inWord = false;
        char quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
                else current.Append(c);
                continue;
            }
            if (c is '"' or '\'') { quote = c; inWord = true; continue; }
            if (c == '\\' && i + 1 < text.Length) { current.Append(text[++i]); inWord = true; continue; }
            if (char.IsWhiteSpace(c))
            {
                if (inWord) { words.Add(current.ToString()); current.Clear(); inWord = false; }
                continue;
            }
            current.Append(c);
            inWord = true;
        }
        if (inWord) words.Add(current.ToString());
        return words;
    }
}
