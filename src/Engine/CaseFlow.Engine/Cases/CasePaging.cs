using CaseFlow.Engine.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CaseFlow.Engine.Cases;

/// <summary>
/// Pages of case lists: at most 100 lines, no total (one more line is fetched to say whether a next page
/// exists), and no deeper than <see cref="MaxDepth"/> lines: past that a narrower search is the answer.
/// </summary>
internal readonly record struct CasePaging(int Page, int PageSize)
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;
    public const int MaxDepth = 10_000;

    public int Skip => (Page - 1) * PageSize;

    public static bool TryCreate(int? page, int? pageSize, out CasePaging paging, out ProblemHttpResult? problem)
    {
        paging = new CasePaging(page ?? 1, pageSize ?? DefaultSize);
        problem = paging.Page < 1
            ? Problems.BadRequest("invalid_query", "page must be 1 or more.", "page")
            : paging.PageSize is < 1 or > MaxSize
                ? Problems.BadRequest("invalid_query", $"pageSize must be between 1 and {MaxSize}.", "pageSize")
                : (long)paging.Page * paging.PageSize > MaxDepth
                    ? Problems.BadRequest("invalid_query", $"Pages go {MaxDepth} lines deep; narrow the search instead.", "page")
                    : null;
        return problem is null;
    }

    /// <summary>The page from the <see cref="PageSize"/> + 1 rows fetched.</summary>
    public SlicePageDto<T> Slice<T>(IReadOnlyList<T> rows) =>
        new(rows.Take(PageSize).ToList(), Page, PageSize, rows.Count > PageSize);
}
