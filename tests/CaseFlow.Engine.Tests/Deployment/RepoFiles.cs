namespace CaseFlow.Engine.Tests.Deployment;

/// <summary>Locates the repository (the folder holding CaseFlow.sln) from the test's output folder.</summary>
internal static class RepoFiles
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string PathOf(string relative) =>
        Path.GetFullPath(Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar)));

    public static string Read(string relative)
    {
        var path = PathOf(relative);
        Assert.True(File.Exists(path), $"{relative} is missing (looked in {path})");
        return File.ReadAllText(path);
    }

    /// <summary>Path relative to the repository root, with '/' separators.</summary>
    public static string Relative(string fullPath) =>
        Path.GetRelativePath(Root, fullPath).Replace(Path.DirectorySeparatorChar, '/');

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CaseFlow.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No CaseFlow.sln above {AppContext.BaseDirectory}");
    }
}
