namespace CaseFlow.Bench;

internal static class Options
{
    public static string? Get(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    public static bool Has(string[] args, string name) => args.Contains(name);

    /// <summary>The repository root: the folder holding CaseFlow.sln, found upwards from the working directory.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CaseFlow.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Run the bench from inside the CaseFlow repository.");
    }
}
