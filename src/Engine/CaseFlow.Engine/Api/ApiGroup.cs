namespace CaseFlow.Engine.Api;

public static class ApiGroup
{
    /// <summary>
    /// The root of every API endpoint. Security (a later issue) attaches here and only here:
    /// authentication and <c>.RequireAuthorization(...)</c> on this group cover every feature's routes.
    /// </summary>
    public static RouteGroupBuilder MapApi(this WebApplication app) =>
        app.MapGroup("/api")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}

/// <summary>
/// Who is acting. TEMPORARY until the security issue: taken from the <c>X-CaseFlow-User</c> header,
/// unauthenticated. It will come from the signed-in principal instead.
/// </summary>
internal static class ActingUser
{
    public const string Header = "X-CaseFlow-User";

    public static string? From(HttpContext http)
    {
        var value = http.Request.Headers[Header].ToString().Trim();
        return value.Length == 0 ? null : value;
    }
}
