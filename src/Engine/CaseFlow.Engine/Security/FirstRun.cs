using CaseFlow.Engine.Audit;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Units;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Security;

/// <summary>
/// An empty database gets a root unit and one administrator. The administrator's password is random and
/// printed once to the console (there is no default password), unless <c>Setup:AdminPassword</c> gives one.
/// </summary>
public static class FirstRun
{
    public const string AdminUserName = "admin";

    public static async Task EnsureFirstRunAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CaseFlowDb>();
        var configuration = services.GetRequiredService<IConfiguration>();
        var clock = services.GetRequiredService<TimeProvider>();
        var ct = app.Lifetime.ApplicationStopping;
        if (await db.Users.AnyAsync(ct)) return;

        var now = clock.GetUtcNow();
        var root = await db.Units.Where(u => u.ParentId == null).OrderBy(u => u.CreatedAt).FirstOrDefaultAsync(ct);
        if (root is null)
        {
            var id = Guid.CreateVersion7(now);
            root = new Unit
            {
                Id = id, Name = configuration["Setup:RootUnitName"] ?? "总工会", Code = configuration["Setup:RootUnitCode"] ?? "HQ",
                Kind = Enum.TryParse<UnitKind>(configuration["Setup:RootUnitKind"], true, out var kind) ? kind : UnitKind.County,
                Path = Unit.PathOf(null, id), Depth = 0, CreatedAt = now, Version = 1,
            };
            db.Units.Add(root);
        }

        var given = configuration["Setup:AdminPassword"];
        var password = string.IsNullOrEmpty(given) ? Passwords.Generate() : given;
        var admin = new User
        {
            Id = Guid.CreateVersion7(now), UserName = AdminUserName, DisplayName = "管理员", PasswordHash = "", UnitId = root.Id,
            SecurityStamp = Guid.NewGuid().ToString("N"), CreatedAt = now, Version = 1, MustChangePassword = string.IsNullOrEmpty(given),
        };
        admin.PasswordHash = services.GetRequiredService<IPasswordHasher<User>>().HashPassword(admin, password);
        admin.Roles.Add(new RoleAssignment { UserId = admin.Id, UnitId = root.Id, Role = Roles.Admin });
        admin.Roles.Add(new RoleAssignment { UserId = admin.Id, UnitId = root.Id, Role = Roles.Supervisor });
        db.Users.Add(admin);
        db.Record(new Actor(), "user.created", "user", admin.Id.ToString(), after: new { admin.UserName, reason = "first_run" }, at: now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (AnotherNodeWon(app))
        {
            return;
        }
        services.GetRequiredService<UnitTreeCache>().Invalidate();

        if (string.IsNullOrEmpty(given))
        {
            // Straight to the console, whatever the log levels: this is the only time anyone sees it.
            Console.WriteLine();
            Console.WriteLine("  CaseFlow first run: an administrator was created.");
            Console.WriteLine($"    user name: {AdminUserName}");
            Console.WriteLine($"    password:  {password}");
            Console.WriteLine("  It is shown only this once and must be changed at the first sign-in.");
            Console.WriteLine();
        }
    }

    /// <summary>Two nodes started on an empty database at once: the other one created the administrator.</summary>
    private static bool AnotherNodeWon(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<CaseFlowDb>().Users.Any();
    }
}
