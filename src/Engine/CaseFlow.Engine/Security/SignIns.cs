using System.Security.Claims;
using CaseFlow.Engine.Audit;
using CaseFlow.Engine.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Security;

public enum SignInOutcome { SignedIn, Failed, LockedOut, Disabled }

/// <summary>Password sign-in with lock-out: every attempt, good or bad, is in the audit log.</summary>
internal sealed class SignIns(CaseFlowDb db, IPasswordHasher<User> hasher, SecuritySettings settings, TimeProvider clock, Actor actor)
{
    public async Task<(SignInOutcome Outcome, User? User)> SignInAsync(HttpContext http, string userName, string password, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var name = userName.Trim().ToLowerInvariant();
        var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == name, ct);
        if (user is null)
        {
            // Hash anyway, so an unknown name takes as long as a wrong password and names cannot be probed by timing.
            hasher.VerifyHashedPassword(new User { UserName = name, DisplayName = "", PasswordHash = "", SecurityStamp = "" }, DummyHash, password);
            db.Record(actor, "user.sign_in_failed", "user", name, after: new { reason = "unknown_user" }, at: now);
            await db.SaveChangesAsync(ct);
            return (SignInOutcome.Failed, null);
        }
        if (user.Disabled)
        {
            db.Record(actor, "user.sign_in_failed", "user", user.Id.ToString(), after: new { user.UserName, reason = "disabled" }, at: now);
            await db.SaveChangesAsync(ct);
            return (SignInOutcome.Disabled, user);
        }
        if (user.LockedUntil > now)
        {
            db.Record(actor, "user.sign_in_failed", "user", user.Id.ToString(), after: new { user.UserName, reason = "locked_out" }, at: now);
            await db.SaveChangesAsync(ct);
            return (SignInOutcome.LockedOut, user);
        }

        var verified = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verified == PasswordVerificationResult.Failed)
        {
            user.FailedSignIns++;
            var locked = user.FailedSignIns >= settings.LockoutThreshold;
            if (locked)
            {
                user.LockedUntil = now + settings.LockoutDuration;
                user.FailedSignIns = 0;
            }
            user.Version++;
            db.Record(actor, locked ? "user.locked_out" : "user.sign_in_failed", "user", user.Id.ToString(),
                after: new { user.UserName, reason = "wrong_password", lockedUntil = user.LockedUntil }, at: now);
            await SaveIgnoringRaceAsync(ct);
            return (locked ? SignInOutcome.LockedOut : SignInOutcome.Failed, user);
        }

        if (verified == PasswordVerificationResult.SuccessRehashNeeded) user.PasswordHash = hasher.HashPassword(user, password);
        user.FailedSignIns = 0;
        user.LockedUntil = null;
        user.LastSignInAt = now;
        user.Version++;
        db.Record(actor, "user.signed_in", "user", user.Id.ToString(), after: new { user.UserName }, at: now);
        await SaveIgnoringRaceAsync(ct);

        var identity = new ClaimsIdentity(
        [
            new Claim(ActorMiddleware.UserIdClaim, user.Id.ToString()),
            new Claim(ClaimTypes.Name, user.UserName),
            new Claim(ActorMiddleware.StampClaim, user.SecurityStamp),
        ], CookieAuthenticationDefaults.AuthenticationScheme);
        var principal = new ClaimsPrincipal(identity);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal, new AuthenticationProperties { IsPersistent = false });
        // The rest of this request (the antiforgery token in the answer) is for the user just signed in.
        http.User = principal;
        return (SignInOutcome.SignedIn, user);
    }

    /// <summary>Two attempts at once on one account: the counters are best effort, the audit rows must not be lost.</summary>
    private async Task SaveIgnoringRaceAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            var audits = db.ChangeTracker.Entries<Audit.AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
            db.ChangeTracker.Clear();
            db.AuditLog.AddRange(audits);
            await db.SaveChangesAsync(ct);
        }
    }

    private static readonly string DummyHash = new PasswordHasher<User>().HashPassword(
        new User { UserName = "", DisplayName = "", PasswordHash = "", SecurityStamp = "" }, "not a password anyone has");
}
