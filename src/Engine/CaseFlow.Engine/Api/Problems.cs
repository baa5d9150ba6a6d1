using Microsoft.AspNetCore.Http.HttpResults;

namespace CaseFlow.Engine.Api;

/// <summary>
/// ProblemDetails with a stable <c>code</c> extension. The status rule across the API: 400 the request
/// cannot be read (bad JSON, wrong types, bad query), 404 unknown, 409 the state forbids it now,
/// 422 readable but invalid.
/// </summary>
internal static class Problems
{
    public static ProblemHttpResult Create(int status, string code, string detail, string? field = null, string? elementId = null,
        IEnumerable<KeyValuePair<string, object?>>? more = null)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        foreach (var (key, value) in more ?? []) extensions[key] = value;
        if (field is not null) extensions["field"] = field;
        if (elementId is not null) extensions["elementId"] = elementId;
        return TypedResults.Problem(detail: detail, statusCode: status, extensions: extensions);
    }

    public static ProblemHttpResult BadRequest(string code, string detail, string? field = null) =>
        Create(StatusCodes.Status400BadRequest, code, detail, field);

    public static ProblemHttpResult NotFound(string code, string detail) =>
        Create(StatusCodes.Status404NotFound, code, detail);

    public static ProblemHttpResult Conflict(string code, string detail) =>
        Create(StatusCodes.Status409Conflict, code, detail);

    /// <summary>Writes a problem from middleware (no endpoint result to return), with the same <c>code</c> and <c>field</c> extensions.</summary>
    public static Task WriteAsync(HttpContext http, int status, string code, string detail, string? field = null)
    {
        http.Response.StatusCode = status;
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Detail = detail, Extensions = { ["code"] = code } };
        if (field is not null) problem.Extensions["field"] = field;
        return http.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem }).AsTask();
    }

    public static ProblemHttpResult Invalid(string code, string detail, string? field = null, string? elementId = null) =>
        Create(StatusCodes.Status422UnprocessableEntity, code, detail, field, elementId);
}

/// <summary>A problem found below a handler (in the command path); the exception handler writes it.</summary>
internal sealed class ApiProblemException(int status, string code, string detail, string? field = null, string? elementId = null)
    : Exception(detail)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    public string? Field { get; } = field;
    public string? ElementId { get; } = elementId;
}
