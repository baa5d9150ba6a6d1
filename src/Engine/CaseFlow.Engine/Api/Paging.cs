using Microsoft.AspNetCore.Http.HttpResults;

namespace CaseFlow.Engine.Api;

public sealed record PageDto<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

internal readonly record struct Paging(int Page, int PageSize)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 500;

    public int Skip => (Page - 1) * PageSize;

    public static bool TryCreate(int? page, int? pageSize, out Paging paging, out ProblemHttpResult? problem)
    {
        paging = new Paging(page ?? 1, pageSize ?? DefaultSize);
        problem = paging.Page < 1
            ? Problems.BadRequest("invalid_query", "page must be 1 or more.", "page")
            : paging.PageSize is < 1 or > MaxSize
                ? Problems.BadRequest("invalid_query", $"pageSize must be between 1 and {MaxSize}.", "pageSize")
                : null;
        return problem is null;
    }
}
